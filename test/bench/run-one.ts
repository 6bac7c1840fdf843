// Runs one benchmark file (argv[2]) and prints its results as JSON lines.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './stats.ts';

const file = process.argv[2] ?? '';
const dir = fileURLToPath(new URL('.', import.meta.url));
try {
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { default: () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]> };
  const results = await mod.default();
  for (const result of Array.isArray(results) ? results : [results]) {
    process.stdout.write(`${JSON.stringify({ file, node: process.versions.node, ...result })}\n`);
  }
} catch (error) {
  process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
}
