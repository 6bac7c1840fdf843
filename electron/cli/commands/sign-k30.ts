import { jsonObjectOption } from '../json-option.ts';
import { DriverError } from '../../drivers/driver-error.ts';
import { checkCompanyNo, signFields } from '../../drivers/k30/sign.ts';
import { UsageError } from '../cli-error.ts';
import type { CommandContext, CommandResult } from '../context.ts';

/**
 * `sign k30 --fields <json> --secret <companyno>`: the K30 open API's string to sign, its sign and
 * the encrypted `data` (seed 000, 1.1 算法签名 and 1.2 AES加密; k30.md §2, §3), with the driver's own
 * functions (electron/drivers/k30/sign.ts), to settle signature disputes with K30 support.
 *
 * `--fields` is the request envelope without `sign`, `data` as plaintext JSON: an object or array
 * (written compactly), or a string holding the exact JSON text, which is signed and encrypted byte
 * for byte as typed. Other values are text or numbers; empty ones take no part, as 1.1 says.
 */
type Fields = Record<string, string>;

function parseFields(text: string): Fields {
  const parsed = jsonObjectOption(text, '--fields', 'signK30.fieldsNotObject');
  const fields: Fields = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === 'sign') continue;
    if (name === 'data') {
      fields[name] = dataText(value);
    } else if (typeof value === 'string' || typeof value === 'number') {
      fields[name] = String(value);
    } else {
      throw new UsageError('signK30.fieldNotText', { field: name });
    }
  }
  return fields;
}

/** `data` as the plaintext JSON text that is signed and encrypted. */
function dataText(value: unknown): string {
  if (value === '') return '';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return value;
    } catch {
      // Not JSON: refused below, K30 could not read it either.
    }
  }
  throw new UsageError('signK30.dataNotJson');
}

/** A company number K30 cannot use as its AES key is a mistake in what was typed: the driver's advice, as a usage error. */
function checkSecret(ctx: CommandContext, secret: string): void {
  try {
    checkCompanyNo(secret);
  } catch (error) {
    if (!(error instanceof DriverError) || !error.advice) throw error;
    throw new UsageError('signK30.badSecret', { advice: error.advice[ctx.lang] });
  }
}

export function signK30(ctx: CommandContext): CommandResult {
  const fieldsText = ctx.options['fields'];
  if (typeof fieldsText !== 'string') throw new UsageError('cli.missingArgument', { name: '--fields' });
  const secret = ctx.options['secret'];
  if (typeof secret !== 'string') throw new UsageError('cli.missingArgument', { name: '--secret' });
  const fields = parseFields(fieldsText);
  checkSecret(ctx, secret);
  // The same function as the Signature workbench's K30 tab (tools.signK30).
  const signed = signFields(fields, secret);
  return {
    json: signed,
    text: [`stringToSign: ${signed.stringToSign}`, `sign:         ${signed.sign}`, `data:         ${signed.data ?? '-'}`, `envelope:     ${JSON.stringify(signed.envelope)}`].join('\n'),
  };
}
