import { z } from 'zod';
import { ApiErrorBodySchema } from './errors.ts';

/**
 * Frames of the WebSocket transport (JSON text frames). Every client frame carries a client-chosen id that
 * its reply repeats (null when the frame was too broken to read an id from); events are pushed only for names the client subscribed to.
 */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    method: z.string().max(200),
    input: z.unknown(),
  }),
  z.strictObject({ type: z.literal('subscribe'), id: z.number().int().nonnegative(), event: z.string().max(200) }),
  z.strictObject({ type: z.literal('unsubscribe'), id: z.number().int().nonnegative(), event: z.string().max(200) }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

const ReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), output: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiErrorBodySchema }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reply'), id: z.number().int().nonnegative().nullable(), reply: ReplySchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;

/** Largest frame either side accepts (photos travel as files, not frames). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Path of the WebSocket endpoint on the local server. */
export const WS_PATH = '/api';

/** The WebSocket subprotocol of the API: the page offers it, the server answers with it. */
export const WS_PROTOCOL = 'doorman';

/**
 * How a page presents the local server's token: as a second subprotocol it offers
 * (`doorman.token.<token>`), because a browser's WebSocket cannot carry headers. Only the server the
 * page connects to (its own origin) sees it; the server never answers with it. Tokens are base64url,
 * which is valid in a subprotocol name.
 */
export const WS_TOKEN_PROTOCOL_PREFIX = 'doorman.token.';
