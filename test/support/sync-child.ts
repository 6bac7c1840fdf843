// A sync process for the kill tests: `node sync-child.ts <data dir>` opens the core and makes each
// backend's driver, prints "ready", and on a line from stdin runs the engine as `sync` does, until
// killed, printing "sending" when it first takes an entry. Loading Node and the core takes seconds
// on a busy machine; the tests load the next processes while the current one works, so a round
// costs the writes, not the start-up.
import { createInterface } from 'node:readline';
import { createCore } from '../../electron/core/create-core.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: sync-child.ts <data dir>');
const core = createCore({ dataDir, runtime: 'node' });
for (const backend of core.backends.list()) await core.backends.driverOf(backend.id);
const stop = core.bus.listen((event, payload) => {
  if (event !== 'outbox.changed' || (payload as { state: string }).state !== 'sending') return;
  stop();
  process.stdout.write('sending\n');
});
process.stdout.write('ready\n');
createInterface({ input: process.stdin }).once('line', () => core.sync.start());
