import { bodyMd5Of, csign } from '../../electron/drivers/hongtu/sign.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const N = 200_000;

/** Signing throughput: body MD5 of a typical person-list request plus csign, per request. */
export default function run(): BenchResult {
  const body = JSON.stringify({ pageNum: 1, pageSize: 100, name: '张三' });
  let sink = '';
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    sink = csign({ uri: '/v1/api/person/list', method: 'POST', query: '', bodyMd5: bodyMd5Of(body), secretKey: 'sdfajk3242324fa!djq7', timestamp: String(1627300328673 + i), nonce: 'a1b2c3', appKey: 'appkey1' });
  }
  const ms = elapsedMs(start);
  return { name: 'hongtu.sign', requests: N, totalMs: Math.round(ms), signsPerSecond: Math.round((N / ms) * 1000), usPerSign: Math.round((ms / N) * 1000 * 100) / 100, last: sink.length };
}
