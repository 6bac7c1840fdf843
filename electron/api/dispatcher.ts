import type { Logger } from 'pino';
import {
  ApiError,
  isMethodName,
  methods,
  toInputIssues,
  type MethodArgs,
  type MethodName,
  type MethodOutput,
} from '../../shared/contract/index.ts';
import type { Reply } from '../../shared/contract/wire.ts';

export type Handlers = {
  [M in MethodName]: (args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/**
 * The handlers of one contract table (`<area>Methods` in shared/contract/): exactly its methods,
 * as `electron/<area>/<area>-handlers.ts` exports them; the composition root spreads them all.
 */
export type AreaHandlers<Table> = Pick<Handlers, keyof Table & MethodName>;

export type Dispatch = (method: string, input: unknown) => Promise<Reply>;

function failure(error: ApiError): Reply {
  return { ok: false, error: error.toBody() };
}

/**
 * The one place where a call from any transport (IPC, WebSocket, CLI) meets the core: the method
 * name is looked up in the contract, the input is parsed with its schema, the handler runs, and
 * its output is checked against the contract too. It never throws: every outcome is a Reply.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return failure(new ApiError('unknown_method', `Unknown method "${method}".`, { method: String(method).slice(0, 200) }));
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toInputIssues(parsed.error);
      return failure(
        new ApiError('invalid_input', `Invalid input for ${method}: ${issues.map((i) => `${i.path.join('.') || '(input)'} ${i.message}`).join('; ')}`, {
          method,
          issues,
        }),
      );
    }
    try {
      const handler = handlers[method] as (args: unknown) => unknown;
      const output = await handler(parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        log.error({ method, issues: toInputIssues(checked.error) }, 'handler output does not match the contract');
        return failure(new ApiError('internal', 'Internal error.'));
      }
      return { ok: true, output: checked.data };
    } catch (error) {
      if (error instanceof ApiError) return failure(error);
      log.error({ method, err: error }, 'handler failed');
      return failure(new ApiError('internal', 'Internal error.'));
    }
  };
}
