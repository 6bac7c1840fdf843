import type { Socket } from 'node:net';
import { encodeFrame, FrameDecoder, type FrameError } from './framing.ts';

/**
 * The framing on a socket, either side (the bridge's device session, the platform simulator):
 * whole frame bodies to `onFrame`, and on a garbage or oversized prefix `onError` once, then the
 * socket is destroyed — after a bad prefix the stream cannot be resynchronised (D8). Never throws
 * from the data handler: a throwing `onFrame` (the caller's bug) destroys the socket with that error.
 */
export interface FramedSocketHandlers {
  readonly onFrame: (body: Buffer) => void;
  readonly onError: (error: FrameError) => void;
}

export function readFrames(socket: Socket, handlers: FramedSocketHandlers, maxFrameBytes?: number): FrameDecoder {
  const decoder = new FrameDecoder(maxFrameBytes === undefined ? {} : { maxFrameBytes });
  socket.on('data', (chunk: Buffer) => {
    if (decoder.error) return;
    const { frames, error } = decoder.push(chunk);
    try {
      for (const frame of frames) handlers.onFrame(frame);
    } catch (failure) {
      socket.destroy(failure instanceof Error ? failure : new Error(String(failure)));
      return;
    }
    if (error) {
      handlers.onError(error);
      socket.destroy();
    }
  });
  return decoder;
}

/** Writes one frame (varint32 prefix and body) in one write. */
export function writeFrame(socket: Socket, body: Uint8Array): boolean {
  return socket.write(encodeFrame(body));
}
