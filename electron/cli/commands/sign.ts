import { csign, EMPTY_BODY_MD5, md5Hex, stringToSign } from '../../drivers/hongtu/sign.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext, CommandResult } from '../context.ts';
import { signK30 } from './sign-k30.ts';
import { signZhejiang } from './sign-zhejiang.ts';

function required(ctx: CommandContext, name: string): string {
  const value = ctx.options[name];
  if (typeof value !== 'string') throw new UsageError('cli.missingArgument', { name: `--${name}` });
  return value;
}

/** `sign hongtu …`, `sign k30 …` or `sign zhejiang …`: each vendor's signature, as its document computes it. */
export const sign: Command = async (ctx, args) => {
  if (args[0] === 'hongtu') return signHongtu(ctx);
  if (args[0] === 'k30') return signK30(ctx);
  if (args[0] === 'zhejiang') return signZhejiang(ctx);
  throw new UsageError('cli.missingArgument', { name: '<vendor> (hongtu, k30, zhejiang)' });
};

/**
 * `sign hongtu --uri … --method … [--query …] [--body <json>|--body-md5 …|--upload] --secret …
 * --app-key … [--timestamp …] [--nonce …]`: the string to sign and csign, like the document's online
 * demo, for settling signature disputes with vendor support. `--body` is hashed exactly as typed
 * (the bytes sent are what count); without a body, MD5("{}") as the document says for JSON calls.
 */
function signHongtu(ctx: CommandContext): CommandResult {
  const body = ctx.options['body'];
  const given = ctx.options['body-md5'];
  let bodyMd5: string;
  let bodySource: string;
  if (ctx.options['upload'] === true) {
    bodyMd5 = '';
    bodySource = 'upload (empty)';
  } else if (typeof given === 'string') {
    if (!/^[0-9a-f]{32}$/.test(given)) throw new UsageError('cli.badChoice', { name: '--body-md5', value: given, choices: '32 lowercase hex characters' });
    bodyMd5 = given;
    bodySource = 'given';
  } else if (typeof body === 'string') {
    bodyMd5 = md5Hex(body);
    bodySource = 'md5(--body)';
  } else {
    bodyMd5 = EMPTY_BODY_MD5;
    bodySource = 'md5("{}")';
  }
  const input = {
    uri: required(ctx, 'uri'),
    method: typeof ctx.options['method'] === 'string' ? ctx.options['method'] : 'POST',
    query: typeof ctx.options['query'] === 'string' ? ctx.options['query'] : '',
    bodyMd5,
    secretKey: required(ctx, 'secret'),
    timestamp: typeof ctx.options['timestamp'] === 'string' ? ctx.options['timestamp'] : String(Date.now()),
    nonce: typeof ctx.options['nonce'] === 'string' ? ctx.options['nonce'] : '123456',
    appKey: required(ctx, 'app-key'),
  };
  const result = { stringToSign: stringToSign(input), sign: csign(input), requestBodyMD5: bodyMd5, bodySource, ctimestamp: input.timestamp, cnonce: input.nonce, cappkey: input.appKey };
  return {
    json: result,
    text: [`requestBodyMD5: ${bodyMd5} (${bodySource})`, `stringToSign:   ${result.stringToSign}`, `csign:          ${result.sign}`].join('\n'),
  };
}
