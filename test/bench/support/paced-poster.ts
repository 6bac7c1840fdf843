// What the push and callback load generators share: POST `body(i)` for i = 0… to a loopback URL at a
// fixed rate for a fixed time, keeping to the schedule (request i goes out at start + i / rate),
// re-sending every 100th (i % 100 === 7) to test exactly-once storage, and timing each reply.
import { Agent, request } from 'undici';

interface PacedPosting {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly contentType: string;
  readonly body: (i: number) => string;
}

interface PacedResult {
  readonly sent: number;
  readonly resent: number;
  readonly failed: number;
  readonly ms: number;
  /** Each reply's time, ms. */
  readonly latencies: number[];
}

export async function postAtRate({ url, rate, seconds, contentType, body }: PacedPosting): Promise<PacedResult> {
  if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+\//.test(url)) throw new Error('loopback URLs only');
  const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });
  const started = Date.now();
  const latencies: number[] = [];
  let resent = 0;
  let failed = 0;
  const inflight = new Set<Promise<void>>();
  const post = (text: string) => {
    const t0 = performance.now();
    const p: Promise<void> = request(url, { method: 'POST', body: text, headers: { 'content-type': contentType }, dispatcher: agent })
      .then(async (res) => {
        await res.body.dump();
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) failed++;
      })
      .catch(() => {
        failed++;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const text = body(i);
    post(text);
    if (i % 100 === 7) {
      post(text);
      resent++;
    }
  }
  await Promise.all(inflight);
  await agent.close();
  return { sent: total, resent, failed, ms: Date.now() - started, latencies };
}
