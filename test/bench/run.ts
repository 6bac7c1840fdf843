// `npm run bench`: runs every test/bench/*.bench.ts, each in its own Node process (so timings and
// peak memory are that benchmark's alone), and prints one JSON object per result, per line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [`${dir}/run-one.ts`, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    failed++;
    if (!result.stdout.includes('"error"')) process.stdout.write(`${JSON.stringify({ file, error: `exit ${result.status ?? result.signal}` })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
