// A load generator for the push-receiver benchmark: POSTs Hongtu pass-record pushes to a URL at a
// fixed rate for a fixed time (loopback only), re-sending 1 % of them, and prints what it sent.
import { Agent, request } from 'undici';

const [url = '', rateText = '1000', secondsText = '60'] = process.argv.slice(2);
if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+\//.test(url)) throw new Error('loopback URLs only');
const rate = Number(rateText);
const seconds = Number(secondsText);
const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });

let sent = 0;
let resent = 0;
let failed = 0;
const started = Date.now();

function push(i: number): Promise<void> {
  const body = JSON.stringify({
    busiType: 5,
    data: { id: `bench-${i}`, passTimestamp: started + i, deviceUuid: `dev-${i % 8}`, deviceName: `Gate ${i % 8}`, personCode: `P${i % 5000}`, personName: `Worker ${i % 5000}`, passType: 1, verificationMode: 0, recognitionType: 1 },
  });
  return request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent })
    .then(async (res) => {
      await res.body.dump();
      if (res.statusCode !== 200) failed++;
    })
    .catch(() => {
      failed++;
    });
}

const inflight = new Set<Promise<void>>();
const total = rate * seconds;
for (let i = 0; i < total; i++) {
  // Keep to the schedule: record i goes out at started + i / rate.
  const due = started + (i * 1000) / rate;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const p = push(i).finally(() => inflight.delete(p));
  inflight.add(p);
  sent++;
  if (i % 100 === 7) {
    const again = push(i).finally(() => inflight.delete(again));
    inflight.add(again);
    resent++;
  }
}
await Promise.all(inflight);
await agent.close();
process.stdout.write(`${JSON.stringify({ sent, resent, failed, ms: Date.now() - started })}\n`);
