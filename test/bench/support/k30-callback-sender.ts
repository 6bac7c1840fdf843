// A load generator for the K30 callback benchmark: POSTs sealed K30 callbacks (AES data, MD5 sign,
// as the K30 software sends them; test/simulators/k30/callbacks.ts) to a URL at a fixed rate for a
// fixed time (loopback only). Every 20th is an authstatus (one person, one device), the rest
// UploadRecords; 1 % are sent twice. Prints what it sent and the reply latencies.
import { Agent, request } from 'undici';
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';
import { sealCallback } from '../../simulators/k30/callbacks.ts';
import { summarize } from '../stats.ts';

const [url = '', companyNo = '', rateText = '1000', secondsText = '60'] = process.argv.slice(2);
if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+\//.test(url)) throw new Error('loopback URLs only');
const rate = Number(rateText);
const seconds = Number(secondsText);
const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });

let records = 0;
let results = 0;
let resent = 0;
let failed = 0;
const latencies: number[] = [];
const started = Date.now();
const pad = (n: number) => String(n).padStart(2, '0');
const addTime = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

function body(i: number): string {
  const now = new Date();
  if (i % 20 === 19) {
    const data = { no: `P${i}`, deviceno: `DEV${i % 8}`, resultcode: '1', msg: '上报成功' };
    return JSON.stringify(sealCallback('authstatus', JSON.stringify(data), companyNo, formatTimestamp(now)));
  }
  const data = {
    recordNo: `bench-${i}`, peopleNo: `P${i % 5000}`, peopleName: `Worker ${i % 5000}`, deviceNo: `DEV${i % 8}`, deviceName: `Gate ${i % 8}`,
    outinType: '1', companyName: '默认区域', recogMode: '0', addTime: addTime(now), exceptionMode: '1', photo: '',
  };
  return JSON.stringify(sealCallback('UploadRecord', JSON.stringify(data), companyNo, formatTimestamp(now)));
}

function post(text: string): Promise<void> {
  const t0 = performance.now();
  return request(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json;charset=UTF-8' }, dispatcher: agent })
    .then(async (res) => {
      await res.body.dump();
      latencies.push(performance.now() - t0);
      if (res.statusCode !== 200) failed++;
    })
    .catch(() => {
      failed++;
    });
}

const inflight = new Set<Promise<void>>();
const total = rate * seconds;
for (let i = 0; i < total; i++) {
  // Keep to the schedule: callback i goes out at started + i / rate.
  const due = started + (i * 1000) / rate;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const text = body(i);
  const p = post(text).finally(() => inflight.delete(p));
  inflight.add(p);
  if (i % 20 === 19) results++;
  else records++;
  if (i % 100 === 7) {
    const again = post(text).finally(() => inflight.delete(again));
    inflight.add(again);
    resent++;
  }
}
await Promise.all(inflight);
await agent.close();
const { p50Ms, p95Ms, maxMs } = summarize(latencies);
process.stdout.write(`${JSON.stringify({ sent: records + results, records, results, resent, failed, ms: Date.now() - started, p50Ms, p95Ms, maxMs })}\n`);
