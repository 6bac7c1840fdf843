import type { i18n as I18n } from 'i18next';
import { ScanOptionsSchema, SiteIdSchema, type ScanFinding, type ScanOptionsInput, type ScanSummary } from '../../../shared/contract/index.ts';
import { localSubnets } from '../../scan/local-subnets.ts';
import { parsePorts } from '../../scan/ports.ts';
import { runScan } from '../../scan/scan-engine.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

function numberOption(ctx: CommandContext, name: string): number | undefined {
  const value = ctx.options[name];
  if (value === undefined) return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed)) throw new UsageError('cli.badNumber', { value: String(value), name: `--${name}` });
  return parsed;
}

function listOption(ctx: CommandContext, name: string): string[] {
  const value = ctx.options[name];
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** `local` stands for this computer's own subnets (not loopback). */
function expandTargets(args: readonly string[]): string[] {
  const targets = args.flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  return targets.flatMap((target) => {
    if (target !== 'local') return [target];
    const subnets = localSubnets().filter((s) => !s.internal);
    if (subnets.length === 0) throw new UsageError('scan.cli.noLocal', {});
    return subnets.map((s) => s.cidr);
  });
}

function siteOf(ctx: CommandContext): Promise<number | null> {
  const given = ctx.options['site'];
  if (typeof given === 'string') {
    const parsed = SiteIdSchema.safeParse(/^\d+$/.test(given) ? Number(given) : Number.NaN);
    if (!parsed.success) throw new UsageError('cli.badNumber', { value: given, name: '--site' });
    return Promise.resolve(parsed.data);
  }
  return call(ctx.core(), 'sites.list', {}).then((state) => state.currentSiteId);
}

function findingText(t: I18n['t'], finding: ScanFinding): string {
  const pct = (c: number) => Math.round(c * 100);
  const lines = [t('scan.cli.finding', { address: finding.address, kind: t(`scan.kinds.${finding.kind}`), confidence: pct(finding.confidence), ports: finding.openPorts.join(',') })];
  for (const service of finding.services) {
    lines.push(t('scan.cli.service', { port: service.port, protocol: service.protocol, kind: t(`scan.kinds.${service.kind}`), confidence: pct(service.confidence), url: service.baseUrl ? `  ${service.baseUrl}` : '' }));
    for (const e of service.evidence) lines.push(t('scan.cli.evidence', { source: t(`scan.evidenceSources.${e.source}`), text: e.text }));
  }
  return lines.join('\n');
}

function summaryText(t: I18n['t'], summary: ScanSummary): string {
  const params = { found: summary.hostsFound, total: summary.addressesTotal, done: summary.addressesDone, answered: summary.hostsAnswered, seconds: (summary.durationMs / 1000).toFixed(2) };
  return t(summary.cancelled ? 'scan.cli.cancelledSummary' : 'scan.cli.summary', params);
}

/**
 * `scan <targets…>`: finds and names the systems on the given addresses (a subnet, a range, hosts,
 * or `local` for this computer's subnets). Findings print as they come (`--jsonl`: one JSON line
 * each, then the summary; `--json`: one object at the end). With a site (`--site`, or the current
 * one) the scan is saved with it. Ctrl+C cancels and keeps what was found.
 */
const run: Command = async (ctx, args) => {
  const ports = typeof ctx.options['ports'] === 'string' ? parsePorts(ctx.options['ports']) : [];
  const input: ScanOptionsInput = {
    targets: expandTargets(args),
    exclude: listOption(ctx, 'exclude'),
    ports,
    allowLarge: ctx.options['allow-large'] === true,
    onvif: ctx.options['onvif'] === true,
  };
  const timeout = numberOption(ctx, 'timeout');
  const concurrency = numberOption(ctx, 'concurrency');
  const rate = numberOption(ctx, 'rate');
  if (timeout !== undefined) input.timeoutMs = timeout;
  if (concurrency !== undefined) input.concurrency = concurrency;
  if (rate !== undefined) input.ratePerSecond = rate;
  if (input.targets.length === 0) throw new UsageError('cli.missingArgument', { name: '<targets…> (e.g. 192.168.1.0/24, or local)' });
  const jsonl = ctx.options['jsonl'] === true;
  const json = ctx.options['json'] === true;
  const quiet = json || jsonl;
  // The progress line shows only on a terminal (ctx.status), and never around JSON.
  const progress = (text: string | null) => {
    if (!quiet) ctx.status(text);
  };
  const onFinding = (finding: ScanFinding) => {
    if (jsonl) ctx.print(JSON.stringify(finding));
    else if (!json) ctx.print(findingText(ctx.t, finding));
  };
  const onProgress = (p: { addressesDone: number; addressesTotal: number; hostsFound: number }) => {
    progress(ctx.t('scan.cli.progress', { done: p.addressesDone, total: p.addressesTotal, found: p.hostsFound }));
  };

  const siteId = await siteOf(ctx);
  let summary: ScanSummary | null;
  let findings: ScanFinding[];
  let scanId: number | null = null;
  if (siteId !== null) {
    const core = ctx.core();
    const options = ScanOptionsSchema.parse(input);
    const stop = core.bus.listen((event, payload) => {
      const p = payload as { scanId: number };
      if (p.scanId !== scanId) return;
      if (event === 'scan.finding') onFinding((payload as { finding: ScanFinding }).finding);
      if (event === 'scan.progress') onProgress(payload as { addressesDone: number; addressesTotal: number; hostsFound: number });
    });
    const cancel = () => void (scanId !== null && core.scans.cancel(scanId));
    process.once('SIGINT', cancel);
    try {
      scanId = (await call(core, 'scan.start', { siteId, ...options })).scanId;
      summary = await core.scans.finished(scanId);
      findings = core.scans.results(scanId).findings;
    } finally {
      stop();
      process.removeListener('SIGINT', cancel);
    }
  } else {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    try {
      ({ summary, findings } = await runScan(ScanOptionsSchema.parse(input), { onFinding, onProgress }, controller.signal));
    } finally {
      process.removeListener('SIGINT', cancel);
    }
  }
  progress(null);
  if (!summary) throw new Error('The scan failed; see the log file in the data folder.');
  if (jsonl) ctx.print(JSON.stringify({ summary, scanId, siteId }));
  const saved = scanId !== null ? ctx.t('scan.cli.saved', { id: scanId, site: siteId }) : ctx.t('scan.cli.notSaved');
  if (!quiet) ctx.print(`${summaryText(ctx.t, summary)}\n${saved}`);
  else if (!jsonl && !json) ctx.say(saved);
  return jsonl || !json ? { json: null, text: '', silent: true } : { json: { summary, findings, scanId, siteId }, text: '' };
};

const interfaces: Command = async (ctx) => {
  const subnets = localSubnets();
  const text = subnets.length === 0
    ? ctx.t('scan.cli.noInterfaces')
    : subnets.map((s) => ctx.t('scan.cli.interface', { interface: s.interface, address: s.address, cidr: s.cidr, count: s.addresses, internal: s.internal ? ctx.t('scan.cli.internal') : '' })).join('\n');
  return Promise.resolve({ json: { subnets }, text });
};

async function requireSite(ctx: CommandContext): Promise<number> {
  const siteId = await siteOf(ctx);
  if (siteId === null) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  return siteId;
}

const list: Command = async (ctx) => {
  const siteId = await requireSite(ctx);
  const { scans } = await call(ctx.core(), 'scan.list', { siteId });
  const timeZone = await siteTimeZoneOf(ctx.core(), siteId);
  const text = scans.length === 0
    ? ctx.t('scan.cli.noScans')
    : scans.map((s) => ctx.t('scan.cli.scanLine', { id: s.id, state: s.state, startedAt: siteTime(s.startedAt, ctx.lang, timeZone), targets: s.targets.join(' '), found: s.summary?.hostsFound ?? '–' })).join('\n');
  return { json: { scans }, text };
};

const hosts: Command = async (ctx) => {
  const siteId = await requireSite(ctx);
  const result = await call(ctx.core(), 'scan.hosts', { siteId });
  const timeZone = await siteTimeZoneOf(ctx.core(), siteId);
  const text = result.hosts
    .map((h) => ctx.t('scan.cli.hostLine', { address: h.address, kind: ctx.t(`scan.kinds.${h.kind}`), ports: h.openPorts.join(','), firstSeen: siteTime(h.firstSeen, ctx.lang, timeZone), lastSeen: siteTime(h.lastSeen, ctx.lang, timeZone) }))
    .join('\n');
  return { json: result, text: text || ctx.t('scan.cli.noScans') };
};

const diff: Command = async (ctx, args) => {
  const [from, to] = args.map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw new UsageError('cli.missingArgument', { name: '<from-scan-id> <to-scan-id>' });
  const result = await call(ctx.core(), 'scan.diff', { fromScanId: from ?? 0, toScanId: to ?? 0 });
  const kind = (f: ScanFinding) => ctx.t(`scan.kinds.${f.kind}`);
  const lines = [
    ...result.added.map((f) => ctx.t('scan.cli.diffAdded', { address: f.address, kind: kind(f), ports: f.openPorts.join(',') })),
    ...result.removed.map((f) => ctx.t('scan.cli.diffRemoved', { address: f.address, kind: kind(f), ports: f.openPorts.join(',') })),
    ...result.changed.map((c) => ctx.t('scan.cli.diffChanged', { address: c.after.address, before: `${kind(c.before)} ${c.before.openPorts.join(',')}`, after: `${kind(c.after)} ${c.after.openPorts.join(',')}` })),
    ctx.t('scan.cli.diffSame', { count: result.unchanged }),
  ];
  return { json: result, text: lines.join('\n') };
};

const SUBCOMMANDS: Readonly<Record<string, Command>> = { interfaces, list, hosts, diff };

export const scan: Command = (ctx, args) => {
  const sub = SUBCOMMANDS[args[0] ?? ''];
  return sub ? sub(ctx, args.slice(1)) : run(ctx, args);
};
