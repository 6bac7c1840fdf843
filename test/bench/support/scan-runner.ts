// The measured half of the scan benchmarks: runs the scan engine in this process (so Node's start
// is not in its time; the benchmark may start it inside a network namespace) and prints one JSON
// line per scan: the summary (its `durationMs` is the engine's time) and what was named where.
//   node scan-runner.ts --targets 127.0.0.0/24 [--ports 80,443] [--warmup 1] [--runs 5]
//                       [--timeout 1000] [--concurrency 512] [--rate 20000]
import { parseArgs } from 'node:util';
import { parsePorts } from '../../../electron/scan/ports.ts';
import { runScan } from '../../../electron/scan/scan-engine.ts';

const { values } = parseArgs({
  options: {
    targets: { type: 'string' },
    ports: { type: 'string' },
    warmup: { type: 'string', default: '0' },
    runs: { type: 'string', default: '1' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    rate: { type: 'string' },
  },
  strict: true,
});

const countOf = (text: string): number => {
  if (!/^\d+$/.test(text)) throw new Error(`not a count: ${text}`);
  return Number(text);
};
const count = (text: string | undefined): number | undefined => (text === undefined ? undefined : countOf(text));

const targets = (values.targets ?? '').split(',').filter(Boolean);
const options = {
  targets,
  ...(values.ports ? { ports: parsePorts(values.ports) } : {}),
  ...(values.timeout ? { timeoutMs: countOf(values.timeout) } : {}),
  ...(values.concurrency ? { concurrency: countOf(values.concurrency) } : {}),
  ...(values.rate ? { ratePerSecond: countOf(values.rate) } : {}),
};
const warmup = count(values.warmup) ?? 0;
const runs = count(values.runs) ?? 1;

for (let run = 0; run < warmup + runs; run++) {
  // When the last address was swept (the rest of durationMs is fingerprints still answering).
  let sweptMs: number | null = null;
  const started = performance.now();
  const onProgress = (p: { addressesDone: number; addressesTotal: number }) => {
    if (sweptMs === null && p.addressesDone === p.addressesTotal) sweptMs = Math.round((performance.now() - started) * 10) / 10;
  };
  const { summary, findings } = await runScan(options, { onProgress }, new AbortController().signal);
  const named = findings.map((f) => ({
    address: f.address,
    kind: f.kind,
    confidence: f.confidence,
    openPorts: f.openPorts,
    services: f.services.map((s) => ({ port: s.port, kind: s.kind, confidence: s.confidence })),
  }));
  process.stdout.write(`${JSON.stringify({ run: run - warmup + 1, warmup: run < warmup, sweptMs, summary, findings: named })}\n`);
}
