// A load generator for the K30 callback benchmark: POSTs sealed K30 callbacks (AES data, MD5 sign,
// as the K30 software sends them; test/simulators/k30/callbacks.ts) to a URL at a fixed rate for a
// fixed time (loopback only). Every 20th is an authstatus (one person, one device), the rest
// UploadRecords; 1 % are sent twice. Prints what it sent and the reply latencies. Each record's
// number ends with the time it was sent (`bench-<i>-t<ms>`), so a page can time its row.
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';
import { sealCallback } from '../../simulators/k30/callbacks.ts';
import { summarize } from '../stats.ts';
import { postAtRate } from './paced-poster.ts';

const [url = '', companyNo = '', rateText = '1000', secondsText = '60'] = process.argv.slice(2);
const pad = (n: number) => String(n).padStart(2, '0');
const addTime = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
const isResult = (i: number) => i % 20 === 19;

function body(i: number): string {
  const now = new Date();
  if (isResult(i)) {
    const data = { no: `P${i}`, deviceno: `DEV${i % 8}`, resultcode: '1', msg: '上报成功' };
    return JSON.stringify(sealCallback('authstatus', JSON.stringify(data), companyNo, formatTimestamp(now)));
  }
  const data = {
    recordNo: `bench-${i}-t${now.getTime()}`, peopleNo: `P${i % 5000}`, peopleName: `Worker ${i % 5000}`, deviceNo: `DEV${i % 8}`, deviceName: `Gate ${i % 8}`,
    outinType: '1', companyName: '默认区域', recogMode: '0', addTime: addTime(now), exceptionMode: '1', photo: '',
  };
  return JSON.stringify(sealCallback('UploadRecord', JSON.stringify(data), companyNo, formatTimestamp(now)));
}

const { sent, resent, failed, ms, latencies } = await postAtRate({ url, rate: Number(rateText), seconds: Number(secondsText), contentType: 'application/json;charset=UTF-8', body });
let results = 0;
for (let i = 0; i < sent; i++) if (isResult(i)) results++;
const { p50Ms, p95Ms, maxMs } = summarize(latencies);
process.stdout.write(`${JSON.stringify({ sent, records: sent - results, results, resent, failed, ms, p50Ms, p95Ms, maxMs })}\n`);
