// `npm run bench`: runs every test/bench/*.bench.ts and prints one JSON object per result, per line.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './stats.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

let failed = 0;
for (const file of files) {
  try {
    const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { default: () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]> };
    const results = await mod.default();
    for (const result of Array.isArray(results) ? results : [results]) {
      process.stdout.write(`${JSON.stringify({ file, node: process.versions.node, ...result })}\n`);
    }
  } catch (error) {
    failed++;
    process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
