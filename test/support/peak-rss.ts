// Preloaded into a process under test (`node --import <this file> …`): when the process exits, its
// peak resident set size in MB goes to the file named by $DOORMAN_TEST_PEAK_RSS_FILE, so a test can
// hold a real child process (the CLI) to a memory bound without touching its output.
import { writeFileSync } from 'node:fs';

const file = process.env['DOORMAN_TEST_PEAK_RSS_FILE'];
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024)));
  });
}
