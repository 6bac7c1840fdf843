import { jsonObjectOption } from '../json-option.ts';
import { APICODES, isApicode } from '../../drivers/zhejiang/endpoints.ts';
import { codecOptions, CODEC_SWITCHES } from '../../drivers/zhejiang/options.ts';
import { responseSigns, signRequest } from '../../drivers/zhejiang/sign.ts';
import { UsageError } from '../cli-error.ts';
import type { CommandContext, CommandResult } from '../context.ts';

/**
 * `sign zhejiang --apicode <apicode> --fields <json> --secret <accessSecret> [--img-sign delete|empty-string]`:
 * the Zhejiang platform's string to sign and MD5 for one apicode (seed 002 §1.5 and each interface's
 * sign row; zhejiang.md §3, D1–D4), with the driver's own functions (electron/drivers/zhejiang/sign.ts),
 * to settle "400_04 token 或 sign 验证失败" with the platform operator.
 *
 * `--fields` holds the request's fields by name (version, sn, token, taskid, accessId, accessKey,
 * timeStamp, param): `param` an object (written compactly, keys in the document's order, nulls
 * left out: D2) or a string holding the exact JSON text, signed as typed. Fields with `success`
 * are a response: its sign, with `response` as typed, and for §3.5/§3.7 both readings (D18).
 */
type Fields = Record<string, unknown>;

function parseFields(text: string): Fields {
  const parsed = jsonObjectOption(text, '--fields', 'signZhejiang.fieldsNotObject');
  const fields: Fields = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === 'sign' || name === 'apicode' || value === null) continue;
    if (name === 'param' || name === 'response') fields[name] = value;
    else if (name === 'success') {
      if (typeof value !== 'boolean') throw new UsageError('signZhejiang.successNotBoolean');
      fields[name] = value;
    } else if (typeof value === 'string' || typeof value === 'number') fields[name] = String(value);
    else throw new UsageError('signZhejiang.fieldNotText', { field: name });
  }
  return fields;
}

function text(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}

export function signZhejiang(ctx: CommandContext): CommandResult {
  const apicode = ctx.options['apicode'];
  if (typeof apicode !== 'string') throw new UsageError('cli.missingArgument', { name: '--apicode' });
  if (!isApicode(apicode)) throw new UsageError('cli.badChoice', { name: '--apicode', value: apicode, choices: APICODES.join(', ') });
  const fieldsText = ctx.options['fields'];
  if (typeof fieldsText !== 'string') throw new UsageError('cli.missingArgument', { name: '--fields' });
  const secret = ctx.options['secret'];
  if (typeof secret !== 'string') throw new UsageError('cli.missingArgument', { name: '--secret' });
  const imgSign = ctx.options['img-sign'];
  if (imgSign !== undefined && !(CODEC_SWITCHES.imgSignMode as readonly unknown[]).includes(imgSign)) {
    throw new UsageError('cli.badChoice', { name: '--img-sign', value: String(imgSign), choices: CODEC_SWITCHES.imgSignMode.join(', ') });
  }
  const options = codecOptions({ imgSignMode: imgSign });
  const fields = parseFields(fieldsText);

  if (typeof fields['success'] === 'boolean') {
    const response = fields['response'];
    const responseText = response === undefined ? undefined : typeof response === 'string' ? response : JSON.stringify(response);
    const signs = responseSigns(apicode, { version: text(fields, 'version'), success: fields['success'], taskid: text(fields, 'taskid'), response: responseText }, secret);
    return {
      json: { apicode, kind: 'response', signs },
      text: signs.length === 0 ? `${apicode}: -` : signs.map((s) => `${s.variant}\n  stringToSign: ${s.stringToSign}\n  sign:         ${s.sign}`).join('\n'),
    };
  }

  const signed = signRequest(
    {
      apicode,
      version: text(fields, 'version') ?? '',
      sn: text(fields, 'sn') ?? '',
      token: text(fields, 'token'),
      taskid: text(fields, 'taskid'),
      accessId: text(fields, 'accessId'),
      accessKey: text(fields, 'accessKey'),
      timeStamp: text(fields, 'timeStamp'),
      param: fields['param'],
    },
    secret,
    options,
  );
  const lines = [`param:        ${signed.paramText ?? '-'}`];
  if (signed.signedParamText !== signed.paramText) lines.push(`param signed: ${signed.signedParamText ?? '-'}`);
  lines.push(`stringToSign: ${signed.stringToSign}`, `sign:         ${signed.sign}`);
  return { json: { apicode, kind: 'request', ...signed }, text: lines.join('\n') };
}
