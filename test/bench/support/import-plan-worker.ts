// One import dry run in a process of its own, so its peak RSS is the planner's alone (the fixture
// generation, XLSX writing included, happens in the parent). Prints {ms, peakRssMb, planned, problems}.
import { planImport } from '../../../electron/import/plan-import.ts';
import { elapsedMs } from '../stats.ts';

const [file = '', photosDir = ''] = process.argv.slice(2);
const start = process.hrtime.bigint();
// Header checks only (the photos are made-up headers): the face check has its own benchmark.
const plan = await planImport({ file, photosDir, faceCheck: false });
const ms = elapsedMs(start);
process.stdout.write(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), planned: plan.rows.length, problems: plan.problems.length }));
