import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RejectionLog } from '../../../electron/log/rejection-log.ts';

/** A real pino logger writing into memory, and a clock the test moves. */
function setUp(limits = { windowMs: 60_000, perWindow: 3, maxSenders: 2 }) {
  const lines: { msg: string; remote: string; suppressed?: number; seconds?: number }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').trim().split('\n')) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  let now = 1_000_000;
  const log = new RejectionLog(pino({ level: 'info' }, sink), limits, () => now);
  return { lines, log, advance: (ms: number) => (now += ms), settle: () => new Promise((r) => setImmediate(r)) };
}

describe('rejection log', () => {
  it('writes a sender’s first rejections of a window in full, then one summary with the count', async () => {
    const { lines, log, advance, settle } = setUp();
    for (let i = 0; i < 1_000; i++) {
      log.rejected('192.0.2.7', { status: 400 }, 'push rejected');
      advance(10);
    }
    await settle();
    expect(lines.filter((l) => l.msg === 'push rejected')).toHaveLength(3);
    // 1,000 rejections in 10 s: still the first window, summarised when the log closes.
    log.close();
    await settle();
    expect(lines.at(-1)).toMatchObject({ msg: '997 more rejections from 192.0.2.7 in the last 10 s', remote: '192.0.2.7', suppressed: 997, seconds: 10 });
    expect(lines).toHaveLength(4);
  });

  it('starts a new window after windowMs, summarising the old one first', async () => {
    const { lines, log, advance, settle } = setUp();
    for (let i = 0; i < 5; i++) log.rejected('192.0.2.7', {}, 'push rejected');
    advance(61_000);
    log.rejected('192.0.2.7', {}, 'push rejected');
    await settle();
    expect(lines.map((l) => l.msg)).toEqual([
      'push rejected', 'push rejected', 'push rejected',
      '2 more rejections from 192.0.2.7 in the last 61 s',
      'push rejected',
    ]);
    log.close();
    await settle();
    expect(lines).toHaveLength(5);
  });

  it('follows a bounded number of senders; the rest share one count', async () => {
    const { lines, log, settle } = setUp({ windowMs: 60_000, perWindow: 1, maxSenders: 2 });
    for (let sender = 1; sender <= 50; sender++) for (let i = 0; i < 4; i++) log.rejected(`192.0.2.${sender}`, {}, 'push rejected');
    log.close();
    await settle();
    expect(lines.filter((l) => l.msg === 'push rejected').map((l) => l.remote)).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(lines.filter((l) => l.suppressed !== undefined).map((l) => [l.remote, l.suppressed])).toEqual([
      ['192.0.2.1', 3],
      ['192.0.2.2', 3],
      ['other senders', 48 * 4 - 1],
    ]);
  });
});
