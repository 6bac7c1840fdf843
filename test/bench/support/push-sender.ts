// A load generator for the push-receiver benchmark: POSTs Hongtu pass-record pushes to a URL at a
// fixed rate for a fixed time (loopback only), re-sending 1 % of them, and prints what it sent.
// Each record's id ends with the time it was sent (`bench-<i>-t<ms>`), so a page can time its row.
import { postAtRate } from './paced-poster.ts';

const [url = '', rateText = '1000', secondsText = '60'] = process.argv.slice(2);
const started = Date.now();

const body = (i: number) =>
  JSON.stringify({
    busiType: 5,
    data: { id: `bench-${i}-t${Date.now()}`, passTimestamp: started + i, deviceUuid: `dev-${i % 8}`, deviceName: `Gate ${i % 8}`, personCode: `P${i % 5000}`, personName: `Worker ${i % 5000}`, passType: 1, verificationMode: 0, recognitionType: 1 },
  });

const { sent, resent, failed, ms } = await postAtRate({ url, rate: Number(rateText), seconds: Number(secondsText), contentType: 'application/json', body });
process.stdout.write(`${JSON.stringify({ sent, resent, failed, ms })}\n`);
