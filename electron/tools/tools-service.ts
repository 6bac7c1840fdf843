import type { z } from 'zod';
import type { OpenK30InputSchema, SignHongtuInputSchema, SignK30InputSchema } from '../../shared/contract/tools.ts';
import { csign, EMPTY_BODY_MD5, md5Hex, newNonce, stringToSign } from '../drivers/hongtu/sign.ts';
import { explainEnvelope, signFields } from '../drivers/k30/sign.ts';

/** The signature workbench's Hongtu tab: what is hashed and what comes out (hongtu.md §2). */
export function signHongtu(input: z.output<typeof SignHongtuInputSchema>) {
  const bodyMd5 = input.body.kind === 'json' ? md5Hex(input.body.text) : input.body.kind === 'md5' ? input.body.md5 : input.body.kind === 'none' ? EMPTY_BODY_MD5 : '';
  const parts = {
    uri: input.uri,
    method: input.method,
    query: input.query,
    bodyMd5,
    secretKey: input.secretKey,
    timestamp: input.timestamp ?? String(Date.now()),
    nonce: input.nonce ?? newNonce(),
    appKey: input.appKey,
  };
  return { stringToSign: stringToSign(parts), sign: csign(parts), requestBodyMD5: bodyMd5, ctimestamp: parts.timestamp, cnonce: parts.nonce, cappkey: parts.appKey };
}

/**
 * The workbench's K30 tab, signing (seed 000, 1.1 and 1.2; k30.md §2, §3): the same function as the
 * CLI's `sign k30`. `data` joins the fields as its plaintext JSON text, when there is one.
 */
export function signK30(input: z.output<typeof SignK30InputSchema>) {
  return signFields(input.data === '' ? input.fields : { ...input.fields, data: input.data }, input.secret);
}

/** The workbench's K30 tab, opening: a pasted reply, callback or request decrypted, its sign checked both ways (§2.3, E7). */
export function openK30(input: z.output<typeof OpenK30InputSchema>) {
  return explainEnvelope(input.envelope, input.secret);
}
