import { randomUUID } from 'node:crypto';
import { BackendIdSchema, DoorTestKindSchema } from '../../../shared/contract/index.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';

/**
 * `door-test <backend-id> --door <door-id> [--test open|mode|walk] [--person <pin>] [--timeout s]
 * [--installer name]`: runs one door test, prints the verdict (exit 0 only for pass).
 */
export const doorTest: Command = async (ctx, args) => {
  const backendId = BackendIdSchema.safeParse(/^\d+$/.test(args[0] ?? '') ? Number(args[0]) : Number.NaN);
  if (!backendId.success) throw new UsageError('cli.missingArgument', { name: '<backend-id>' });
  const doors = ctx.options['door'];
  const door = Array.isArray(doors) ? doors.at(-1) : doors;
  if (typeof door !== 'string') throw new UsageError('cli.missingArgument', { name: '--door' });
  const test = DoorTestKindSchema.safeParse(ctx.options['test'] ?? 'open');
  if (!test.success) throw new UsageError('cli.badChoice', { name: '--test', value: String(ctx.options['test']), choices: 'open | mode | walk' });
  const timeout = ctx.options['timeout'] === undefined ? 30 : Number(ctx.options['timeout']);
  if (!Number.isInteger(timeout) || timeout < 1) throw new UsageError('cli.badNumber', { value: String(ctx.options['timeout']), name: '--timeout' });
  const core = ctx.core();
  const runId = randomUUID();
  // Ctrl+C cancels the test (it is stored as cancelled) rather than killing it half-way.
  const cancel = () => void call(core, 'doorTests.cancel', { runId });
  process.once('SIGINT', cancel);
  const stop = ctx.options['json']
    ? () => {}
    : core.bus.listen((event, payload) => {
        if (event !== 'doorTests.progress') return;
        const { runId: id, step } = payload as { runId: string; step: { ms: number; key: string; params: Record<string, string | number> } };
        if (id === runId) ctx.say(`  +${step.ms} ms  ${ctx.t(`doorTestSteps.${step.key}`, step.params)}`);
      });
  try {
    const person = ctx.options['person'];
    const installer = ctx.options['installer'];
    const result = await call(core, 'doorTests.run', {
      runId,
      backendId: backendId.data,
      doorId: door,
      test: test.data,
      timeoutSeconds: timeout,
      ...(typeof person === 'string' ? { personPin: person } : {}),
      ...(typeof installer === 'string' ? { installer } : {}),
    });
    const advice = result.advice ? (ctx.lang === 'zh-CN' ? result.advice['zh-CN'] : result.advice.en) : '';
    const text = [
      `${ctx.t(`report.verdicts.${result.verdict}`)}${result.latencyMs !== null ? ` — ${result.latencyMs} ms` : ''}  ${result.doorName} (${ctx.t(`report.tests.${result.test}`)})`,
      result.message,
      ...(advice ? [advice] : []),
    ].join('\n');
    return { json: result, text, exitCode: result.verdict === 'pass' ? 0 : 1 };
  } finally {
    stop();
    process.removeListener('SIGINT', cancel);
  }
};
