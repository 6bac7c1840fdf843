import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The parts of tfjs this module uses (face-api's `tf`, the same module instance the WASM backend registered with). */
export interface TfKernels {
  getKernel(kernelName: string, backendName: string): KernelConfig | undefined;
  unregisterKernel(kernelName: string, backendName: string): void;
  registerKernel(config: KernelConfig): void;
  readonly util: { sizeFromShape(shape: readonly number[]): number; parseAxisParam(axis: number | number[], shape: number[]): number[] };
}

interface ConcatArgs {
  readonly inputs: readonly TensorInfo[];
  readonly backend: BackendWasm;
  readonly attrs: { readonly axis: number | number[] };
}

/**
 * tfjs-backend-wasm's Concat kernel (4.22) copies in JavaScript, one `subarray` + `set` per input
 * per outer index. face-api's `normalize` (in the tiny face detector's every forward pass) joins
 * three 320 × 320 × 1 planes along the last axis: 102,400 outer indices × 3 inputs, one value each —
 * 300,000 small typed-array views, a third of the detector's time and most of its garbage. This
 * kernel does the same copy, as a plain loop when the pieces are small and with `set` when they
 * are large; strings (and anything else it does not handle) go to the original kernel.
 */
export function fastConcatKernel(tf: TfKernels): void {
  const original = tf.getKernel('Concat', 'wasm');
  if (!original) return;
  const fallback = original.kernelFunc;
  const kernelFunc = (args: ConcatArgs) => {
    const { inputs, backend, attrs } = args;
    const first = inputs[0];
    if (!first || first.dtype === 'string') return fallback(args as never);
    const axis = tf.util.parseAxisParam(attrs.axis, first.shape)[0] ?? 0;
    const live = inputs.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    if (live.length <= 1) return fallback(args as never);
    const outShape = first.shape.slice();
    outShape[axis] = inputs.reduce((sum, t) => sum + (t.shape[axis] ?? 0), 0);
    const out = backend.makeOutput(outShape, first.dtype);
    const outer = tf.util.sizeFromShape(first.shape.slice(0, axis));
    const inner = live.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)));
    const stride = inner.reduce((a, b) => a + b, 0);
    const target = backend.typedArrayFromHeap(out);
    let start = 0;
    live.forEach((input, i) => {
      const n = inner[i] ?? 0;
      const source = backend.typedArrayFromHeap(input);
      if (n >= 64) {
        for (let b = 0; b < outer; b++) target.set(source.subarray(b * n, b * n + n), b * stride + start);
      } else {
        for (let b = 0; b < outer; b++) for (let k = 0, p = b * stride + start, q = b * n; k < n; k++) target[p++] = source[q++] ?? 0;
      }
      start += n;
    });
    return out;
  };
  tf.unregisterKernel('Concat', 'wasm');
  tf.registerKernel({ ...original, kernelFunc: kernelFunc as unknown as KernelFunc });
}
