import type { z } from 'zod';
import type { SignHongtuInputSchema } from '../../shared/contract/tools.ts';
import { csign, EMPTY_BODY_MD5, md5Hex, newNonce, stringToSign } from '../drivers/hongtu/sign.ts';

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
