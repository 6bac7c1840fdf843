import { createServer, type Server, type Socket } from 'node:net';
import protobuf from 'protobufjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceSession, type DeviceSessionState } from '../../../../electron/drivers/zhejiang/device-session.ts';
import { encodeFrame, FrameDecoder } from '../../../../electron/drivers/zhejiang/framing.ts';
import { LAYOUT_A, TcpCodec } from '../../../../electron/drivers/zhejiang/messages.ts';
import { until } from '../../../support/until.ts';

/**
 * A device session against a platform written independently from the document (not our strict
 * simulator): its .proto declares every reply field a string, so `success` arrives as "true" or
 * "false"; its first C_AUTH answer holds no token, its first heartbeat is refused with a code the
 * document does not list (as a number, under `code`/`msg`), its next heartbeat answer is no JSON
 * (logged, no ids), and its task ids come as a JSON
 * string holding the object, ids as numbers past 2^53. The session reads what has a clear meaning,
 * reports the rest typed, and recovers by itself. Waits are for conditions (20 s ceiling).
 */
const replyType = new protobuf.Type('IndependentReply');
for (const [name, number] of Object.entries(LAYOUT_A.responses.C_HEARTBEAT)) replyType.add(new protobuf.Field(name, number, 'string'));
new protobuf.Root().add(replyType);

const codec = new TcpCodec();
const requests: string[] = [];
const sockets = new Set<Socket>();
let auths = 0;
let heartbeats = 0;

function reply(apicode: string): Record<string, string> {
  if (apicode === 'C_AUTH') {
    auths += 1;
    return { version: 'v1.0.0', success: 'true', apicode, response: auths === 1 ? '{}' : '{token:"tok-independent"}' };
  }
  heartbeats += 1;
  if (heartbeats === 1) return { version: 'v1.0.0', success: 'false', apicode, error: '{"code":499,"msg":"维护中"}' };
  if (heartbeats === 2) return { version: 'v1.0.0', success: 'true', apicode, response: '<html>busy</html>' };
  return { version: 'v1.0.0', success: 'true', apicode, response: JSON.stringify('{"taskids":[6543831380287827968,6543831380300410880]}') };
}

const server: Server = createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
  const decoder = new FrameDecoder();
  socket.on('data', (chunk) => {
    for (const frame of decoder.push(chunk).frames) {
      const decoded = codec.decodeRequest(frame);
      if (decoded.kind !== 'known') continue;
      requests.push(decoded.apicode);
      socket.write(encodeFrame(replyType.encode(replyType.fromObject(reply(decoded.apicode))).finish()));
    }
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('Zhejiang device session against an independently written platform', () => {
  it('reads "true"/"false" success, refuses a tokenless C_AUTH and an unknown code typed, recovers, and hands over the task ids', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const states: DeviceSessionState[] = [];
    const taskIds: (readonly string[])[] = [];
    const warnings: string[] = [];
    const session = new DeviceSession({
      host: '127.0.0.1',
      port: address.port,
      sn: '1388186',
      accessId: 'e752cf16af1c462a9859d565ebaac6c7',
      accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3',
      accessSecret: '93f6218530984c32a3bf2b3d03dcb417',
      deviceVersion: 'v14.8.7LM.S2.e2-1.180.7.23',
      deviceIp: '192.168.1.11',
      requestTimeoutMs: 2_000,
      logger: { info: () => undefined, warn: (_data, message) => warnings.push(message) },
      onTaskIds: (ids) => taskIds.push(ids),
      onState: (state) => states.push(state),
      tuning: { heartbeatMs: 40, backoffBaseMs: 20, backoffMaxMs: 200, random: () => 0.5 },
    });
    try {
      session.start();
      await until(() => taskIds.length > 0, 'task ids from a heartbeat');
      expect(taskIds[0]).toEqual(['6543831380287827968', '6543831380300410880']);
      const errors = states.map((state) => state.lastError).filter((error) => error !== undefined);
      expect(errors).toContainEqual(expect.objectContaining({ code: 'schema_mismatch' }));
      expect(errors).toContainEqual(expect.objectContaining({ code: 'vendor_error', vendorCode: '499' }));
      expect(session.state().status).toBe('online');
      expect(warnings).toContain('Zhejiang: a heartbeat answer whose response is not a JSON object; no task ids read from it');
      expect(requests.slice(0, 4)).toEqual(['C_AUTH', 'C_AUTH', 'C_HEARTBEAT', 'C_AUTH']);
    } finally {
      await session.stop();
    }
  });
});
