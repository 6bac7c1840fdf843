import { SiteIdSchema } from '../../../shared/contract/index.ts';
import { PhotoReader } from '../../photos/photo-reader.ts';
import { imageInfo } from '../../photos/image-info.ts';
import { PhotoLimitError } from '../../photos/photo-limit-error.ts';
import { checkStillPhoto, type StillPhotoCheck } from '../../photos/still-photo-check.ts';
import { call } from '../call.ts';
import { InputFileError, UsageError } from '../cli-error.ts';
import type { Command, CommandContext, CommandResult } from '../context.ts';
import { tableLine } from '../terminal-text.ts';

/** The failed checks in the user's language: the check names, then the capture's guidance for them. */
function reasons(ctx: CommandContext, check: StillPhotoCheck): string {
  const byGuide = new Map<string, string[]>();
  for (const { check: id, key } of check.failed) byGuide.set(key, [...(byGuide.get(key) ?? []), ctx.t(`face.check.${id}`)]);
  return [...byGuide].map(([key, names]) => `${names.join(', ')} — ${ctx.t(key)}`).join('; ');
}

/**
 * A photo over the limits (its file size, or the pixels its header declares): refused before it is
 * read or decoded, in the words the import's dry run uses (`validation.<code>`); --force-photo does
 * not apply, it is for failed face checks.
 */
function overLimit(ctx: CommandContext, path: string, error: PhotoLimitError): CommandResult {
  const size = error.width !== undefined && error.height !== undefined ? `${error.width}×${error.height}` : `${((error.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`;
  const measured = error.width !== undefined && error.height !== undefined ? { width: error.width, height: error.height } : { bytes: error.bytes };
  return {
    json: { refused: true, photo: path, code: error.code, ...measured },
    text: ctx.t('cli.photoOverLimit', { path, size, reason: ctx.t(`validation.${error.code}`) }),
    exitCode: 1,
  };
}

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `enroll --site <id> --pin <personnel number> --name <name> [--id-number …] [--phone …] [--gender M|F]
 * [--card …] [--department …] --photo <file> --backend <id> [--backend <id>…] [--levels a,b]`:
 * saves the person locally with an outbox entry per backend; `sync` (or the running app) sends them.
 */
export const enroll: Command = async (ctx) => {
  const siteId = SiteIdSchema.safeParse(Number(text(ctx, 'site')));
  if (!siteId.success) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  const pin = text(ctx, 'pin');
  const name = text(ctx, 'name');
  if (!pin) throw new UsageError('cli.missingArgument', { name: '--pin' });
  if (!name) throw new UsageError('cli.missingArgument', { name: '--name' });
  const backends = ctx.options['backend'];
  const backendIds = (Array.isArray(backends) ? backends : []).map(Number);
  const photoPath = text(ctx, 'photo');
  let face: { jpegBase64: string; failedChecks: string[] } | undefined;
  let notes = '';
  if (photoPath) {
    let bytes: Uint8Array;
    try {
      ({ bytes } = await new PhotoReader().read(photoPath));
    } catch (error) {
      if (error instanceof PhotoLimitError) return overLimit(ctx, photoPath, error);
      throw new InputFileError('cli.unreadableFile', { path: photoPath }, 'cli.photoHint');
    }
    // A JPEG or PNG (the enroll call also checks it has at least 80,000 pixels).
    const info = imageInfo(bytes);
    if (!info) throw new InputFileError('cli.photoNotImage', { path: photoPath }, 'cli.photoHint');
    // The live capture's face checks, with the strictest profile of the target backends' vendors.
    const { backends: known } = await call(ctx.core(), 'backends.list', { siteId: siteId.data });
    const vendors = known.filter((b) => backendIds.includes(b.id)).map((b) => b.vendor);
    let check: StillPhotoCheck;
    try {
      check = await checkStillPhoto(bytes, vendors);
    } catch (error) {
      if (error instanceof PhotoLimitError) return overLimit(ctx, photoPath, error);
      throw error;
    }
    const failedChecks = check.failed.map((f) => f.check);
    if (!check.ok && ctx.options['force-photo'] !== true) {
      return {
        json: { refused: true, photo: photoPath, faces: check.faces, failedChecks: check.failed },
        text: ctx.t('cli.photoRefused', { path: photoPath, reasons: reasons(ctx, check) }),
        exitCode: 1,
      };
    }
    if (!check.ok) notes = `${ctx.t('cli.photoForced', { checks: failedChecks.map((id) => ctx.t(`face.check.${id}`)).join(', ') })}\n`;
    // What was judged is what is kept: the square around the face (see still-photo-check.ts), at
    // most 1024 px a side.
    const kept = check.crop ? imageInfo(check.photo) : null;
    if (kept) notes += `${ctx.t('face.cropped', { width: kept.width, height: kept.height })}\n`;
    face = { jpegBase64: Buffer.from(check.photo).toString('base64'), failedChecks };
  }
  const noFaceReason = face ? undefined : text(ctx, 'no-face-reason');
  const levels = text(ctx, 'levels')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const person: Record<string, string> = { pin, name };
  for (const [option, field] of [['id-number', 'idNumber'], ['phone', 'phone'], ['gender', 'gender'], ['card', 'cardNo'], ['department', 'department'], ['valid-from', 'validFrom'], ['valid-to', 'validTo']] as const) {
    const value = text(ctx, option);
    if (value !== undefined) person[field] = value;
  }
  const result = await call(ctx.core(), 'people.enroll', {
    siteId: siteId.data,
    person: person as { pin: string; name: string },
    targets: backendIds.map((backendId) => ({ backendId, accessLevelIds: levels })),
    ...(face ? { face } : {}),
    ...(noFaceReason !== undefined ? { noFaceReason } : {}),
  });
  // Saved without a face (issue 12 item 2): said, with the way to add it, unless a face was on file.
  const noFace = result.person.faceSha256 === null ? `\n${ctx.t('personCli.savedNoFace', { pin: result.person.fields.pin })}` : '';
  return {
    json: result,
    text: notes + ctx.t('cli.enrolled', { pin: result.person.fields.pin, name: result.person.fields.name, count: result.outbox.length }) + noFace,
  };
};

/** `sync [--once]`: sends the outbox now (`--once`: until nothing is due) or keeps running until Ctrl+C. */
export const sync: Command = async (ctx) => {
  const core = ctx.core();
  const stop = core.bus.listen((event, payload) => {
    if (event !== 'outbox.changed') return;
    const e = payload as { id: number; pin: string; backendId: number; state: string; lastError: { code: string } | null };
    if (e.state !== 'sending') ctx.say(`  #${e.id} ${e.pin} → backend ${e.backendId}: ${e.state}${e.lastError ? ` (${e.lastError.code})` : ''}`);
  });
  try {
    if (ctx.options['once'] === true) {
      const counts = await core.sync.runOnce();
      return { json: counts, text: ctx.t('cli.syncCounts', counts), exitCode: counts.failed > 0 ? 1 : 0 };
    }
    core.sync.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await core.sync.stop();
    const counts = core.outbox.counts();
    return { json: counts, text: ctx.t('cli.syncCounts', counts) };
  } finally {
    stop();
  }
};

/** `outbox list [--site <id>] [--state pending|sending|done|failed|cancelled]`. */
export const outbox: Command = async (ctx, args) => {
  if (args[0] !== undefined && args[0] !== 'list') throw new UsageError('cli.unknownCommand', { command: `outbox ${args[0]}` });
  const site = text(ctx, 'site');
  const state = text(ctx, 'state');
  const { entries } = await call(ctx.core(), 'outbox.list', {
    ...(site ? { siteId: Number(site) } : {}),
    ...(state ? { state: state as 'pending' } : {}),
  });
  // A cancelled entry is never tried again: its last error is stale, why it was cancelled is not.
  const reason = (e: (typeof entries)[number]): string[] =>
    e.state === 'cancelled' ? [ctx.t(e.cancelledBy === 'you' ? 'outbox.cancelledByYou' : 'outbox.cancelledByNewer')] : e.lastError ? [`${e.lastError.code}: ${e.lastError.message}`] : [];
  const lines = entries.map((e) => tableLine([`#${e.id}`, e.pin, `backend ${e.backendId}`, e.action, e.state, `attempts ${e.attempts}`, ...reason(e)]));
  return { json: { entries }, text: lines.join('\n') || '-' };
};
