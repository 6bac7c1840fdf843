import type { BridgeDeviceState, BridgeState } from '../../../shared/contract/bridges.ts';
import { BridgeHolderSchema, BridgeIdSchema } from '../../../shared/contract/bridges.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Core } from '../../core/create-core.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

/**
 * `bridge run|status|test <bridge-id>` (issue 16 items 2, 3, 5 and 6): run a bridge in the foreground
 * with the people sync beside it (its state changes, tasks and sign-ins printed in the site's time, Ctrl+C stops), show the live
 * state of its device sessions, and test its connection step by step (exit 1 when a step failed).
 */

function bridgeIdOf(value: string | undefined): number {
  if (value === undefined) throw new UsageError('cli.missingArgument', { name: '<bridge-id>' });
  const parsed = BridgeIdSchema.safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.badNumber', { value, name: '<bridge-id>' });
  return parsed.data;
}

/** The holder's fields of a `bridge_running_elsewhere` error's details. */
function pick(details: Record<string, unknown> | undefined): Record<string, unknown> {
  const { holder, pid, host, since, renewedAt } = details ?? {};
  return { holder, pid, host, since, renewedAt };
}

async function zoneOf(ctx: CommandContext, bridgeId: number): Promise<string> {
  const bridge = await call(ctx.core(), 'bridge.get', { id: bridgeId });
  return siteTimeZoneOf(ctx.core(), bridge.siteId);
}

function seconds(ctx: CommandContext, ms: number | null): string {
  return ms === null ? ctx.t('bridgeRun.none') : ctx.t('bridgeRun.seconds', { seconds: Math.round(ms / 1000) });
}

function deviceLines(ctx: CommandContext, bridgeId: number, device: BridgeDeviceState, zone: string): string[] {
  const lines = [
    ctx.t('bridgeRun.deviceRow', {
      sn: device.sn,
      status: device.status,
      heartbeat: device.lastHeartbeatAt === null ? ctx.t('bridgeRun.never') : siteTime(new Date(device.lastHeartbeatAt).toISOString(), ctx.lang, zone),
      tokenAge: seconds(ctx, device.tokenAgeMs),
      queue: device.queueDepth,
      tasks: device.openTasks,
    }),
  ];
  for (const backend of device.backendsWithoutLevel ?? []) {
    lines.push(ctx.t('bridgeWork.statusNoLevel', { backend: backend.backendName ?? `#${backend.backendId}`, backendId: backend.backendId, bridge: bridgeId, device: device.deviceId }));
  }
  if (device.lastError) {
    lines.push(ctx.t('bridgeRun.deviceError', { code: device.lastError.vendorCode ?? device.lastError.code, message: device.lastError.message }));
    if (device.lastError.advice) lines.push(ctx.t('bridgeRun.deviceAdvice', { advice: device.lastError.advice[ctx.lang] }));
  }
  return lines;
}

function headerOf(ctx: CommandContext, state: BridgeState, zone: string): string {
  if (state.running) return ctx.t('bridgeRun.runningHere', { bridge: state.bridgeId });
  const holder = state.elsewhere;
  if (!holder) return ctx.t('bridgeRun.notRunning', { bridge: state.bridgeId });
  return ctx.t('bridgeRun.runningElsewhere', {
    bridge: state.bridgeId,
    where: ctx.t(`bridgeRun.where.${holder.holder}`),
    pid: String(holder.pid),
    host: holder.host,
    since: siteTime(holder.since, ctx.lang, zone),
    seen: siteTime(holder.renewedAt, ctx.lang, zone),
  });
}

function stateText(ctx: CommandContext, state: BridgeState, zone: string): string {
  const header = headerOf(ctx, state, zone);
  return [header, ...state.devices.flatMap((device) => deviceLines(ctx, state.bridgeId, device, zone))].join('\n');
}

const run: Command = async (ctx, args) => {
  const bridgeId = bridgeIdOf(args[0]);
  const zone = await zoneOf(ctx, bridgeId);
  const core = ctx.core();
  const now = () => siteTime(new Date().toISOString(), ctx.lang, zone);
  // The platform's workers reach the backends through the outbox: sync runs beside the bridge.
  core.sync.start();
  let runner: ReturnType<Core['bridgeRunners']['start']>;
  try {
    runner = core.bridgeRunners.start(bridgeId, (_state, note) => {
      if (note !== 'heartbeat') ctx.print(ctx.t('bridgeRun.note', { time: now(), note }));
    });
  } catch (error) {
    // Another process runs it: say who, since when (site time) and what to do, in the user's language.
    if (error instanceof ApiError && error.code === 'bridge_running_elsewhere') {
      const holder = BridgeHolderSchema.parse(pick(error.details));
      throw new ApiError(error.code, error.message, { ...error.details, where: ctx.t(`bridgeRun.where.${holder.holder}`), sinceLocal: siteTime(holder.since, ctx.lang, zone) });
    }
    throw error;
  }
  const devices = runner.state().devices.length;
  if (devices === 0) ctx.say(ctx.t('bridgeRun.noDevices', { bridge: bridgeId }));
  ctx.say(ctx.t('bridgeRun.started', { bridge: bridgeId, count: devices }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const last = runner.state();
  await core.bridgeRunners.stop(bridgeId);
  ctx.say(ctx.t('bridgeRun.stopped', { bridge: bridgeId }));
  return { json: last, text: stateText(ctx, last, zone) };
};

const status: Command = async (ctx, args) => {
  const bridgeId = bridgeIdOf(args[0]);
  const zone = await zoneOf(ctx, bridgeId);
  const state = await call(ctx.core(), 'bridge.status', { bridgeId });
  return { json: state, text: stateText(ctx, state, zone) };
};

const test: Command = async (ctx, args) => {
  const bridgeId = bridgeIdOf(args[0]);
  const sn = ctx.options['sn'];
  const result = await call(ctx.core(), 'bridge.test', { bridgeId, ...(typeof sn === 'string' && sn !== '' ? { sn } : {}) });
  const lines: string[] = [];
  for (const line of result.lines) {
    const verdict = ctx.t(`bridgeRun.verdict.${line.ok === true ? 'ok' : line.ok === false ? 'failed' : 'skipped'}`);
    const detail = [line.vendorCode ? ctx.t('bridgeRun.platformCode', { code: line.vendorCode }) : '', line.detail].filter(Boolean).join(' — ');
    lines.push(ctx.t('bridgeRun.checkLine', { verdict, name: ctx.t(`bridgeRun.check.${line.check}`), detail }));
    let advice = line.advice?.[ctx.lang];
    if (line.check === 'clock' && line.ok === false) advice = ctx.t('bridgeRun.clockAdvice', { seconds: Math.round((line.offsetMs ?? 0) / 1000) });
    if (line.check === 'clock' && line.ok === null) advice = ctx.t('bridgeRun.clockUnknown');
    if (advice && line.ok !== true) lines.push(ctx.t('bridgeRun.advice', { advice }));
  }
  lines.push(ctx.t(result.ok ? 'bridgeRun.allOk' : 'bridgeRun.someFailed', { bridge: bridgeId, sn: result.sn }));
  return { json: result, text: lines.join('\n'), ...(result.ok ? {} : { exitCode: 1 }) };
};

/** The subcommands this file adds to `bridge`. */
export const bridgeRunCommands: Readonly<Record<string, Command>> = { run, status, test };
