import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../electron/backends/backend.ts';
import { DriverError } from '../../../electron/drivers/driver-error.ts';
import { upsertOneByOne } from '../../../electron/drivers/one-by-one.ts';

/** A write the test finishes by hand: no timers, the order is the test's. */
interface Pending {
  readonly person: PersonRecord;
  finish(): void;
  fail(error: unknown): void;
}

/** An upsert that records the writes under way and lets the test end each one. */
function manualUpsert() {
  const pending: Pending[] = [];
  const started: string[] = [];
  let running = 0;
  let most = 0;
  const upsert = (person: PersonRecord) =>
    new Promise<void>((resolve, reject) => {
      started.push(person.name);
      running++;
      most = Math.max(most, running);
      const end = () => {
        running--;
        pending.splice(pending.indexOf(entry), 1);
      };
      const entry: Pending = { person, finish: () => (end(), resolve()), fail: (error) => (end(), reject(error)) };
      pending.push(entry);
    });
  return { upsert, pending, started, mostAtOnce: () => most };
}

/** Lets every promise that can settle settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const person = (pin: string, name = pin): PersonRecord => ({ pin, name });
const refused = (pin: string) => new DriverError('vendor_error', `K30 refused ${pin}`, { vendor: 'test', vendorCode: 7 });

describe('upsertOneByOne', () => {
  it('writes one person after the other by default', async () => {
    const writes = manualUpsert();
    const run = upsertOneByOne([person('A'), person('B'), person('C')], writes.upsert);
    await settle();
    expect(writes.started).toEqual(['A']);
    writes.pending[0]?.finish();
    await settle();
    expect(writes.started).toEqual(['A', 'B']);
    writes.pending[0]?.finish();
    await settle();
    writes.pending[0]?.finish();
    await expect(run).resolves.toEqual({ done: 3, failed: 0, failures: [] });
    expect(writes.mostAtOnce()).toBe(1);
  });

  it('keeps up to inFlight different people under way at once', async () => {
    const writes = manualUpsert();
    const progress: number[] = [];
    const run = upsertOneByOne(['A', 'B', 'C', 'D', 'E'].map((pin) => person(pin)), writes.upsert, { inFlight: 3, onProgress: (p) => progress.push(p.done) });
    await settle();
    expect(writes.started).toEqual(['A', 'B', 'C']);
    writes.pending.find((p) => p.person.pin === 'B')?.finish();
    await settle();
    expect(writes.started).toEqual(['A', 'B', 'C', 'D']);
    while (writes.pending.length > 0) {
      writes.pending[0]?.finish();
      await settle();
    }
    await expect(run).resolves.toEqual({ done: 5, failed: 0, failures: [] });
    expect(writes.mostAtOnce()).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps one person's writes in order: a pin that comes again waits for its earlier write", async () => {
    const writes = manualUpsert();
    const run = upsertOneByOne([person('A', 'A first'), person('B'), person('A', 'A second'), person('C')], writes.upsert, { inFlight: 4 });
    await settle();
    // A's second write does not start beside its first; the people after it do.
    expect(writes.started).toEqual(['A first', 'B', 'C']);
    writes.pending.find((p) => p.person.name === 'B')?.finish();
    writes.pending.find((p) => p.person.name === 'C')?.finish();
    await settle();
    expect(writes.started).toEqual(['A first', 'B', 'C']);
    writes.pending.find((p) => p.person.name === 'A first')?.finish();
    await settle();
    expect(writes.started).toEqual(['A first', 'B', 'C', 'A second']);
    writes.pending[0]?.finish();
    await expect(run).resolves.toMatchObject({ done: 4, failed: 0 });
  });

  it("reports each refused person's failure, in the order the people came, and goes on", async () => {
    const writes = manualUpsert();
    const run = upsertOneByOne(['A', 'B', 'C', 'D'].map((pin) => person(pin)), writes.upsert, { inFlight: 4 });
    await settle();
    // D and B refused, D first; A and C written.
    writes.pending.find((p) => p.person.pin === 'D')?.fail(refused('D'));
    writes.pending.find((p) => p.person.pin === 'B')?.fail(new DriverError('invalid_params', 'The photo of B is not a JPEG.', { vendor: 'test' }));
    writes.pending.find((p) => p.person.pin === 'A')?.finish();
    writes.pending.find((p) => p.person.pin === 'C')?.finish();
    await expect(run).resolves.toEqual({
      done: 2,
      failed: 2,
      failures: [
        { pin: 'B', code: 'invalid_params', message: 'The photo of B is not a JPEG.' },
        { pin: 'D', code: '7', message: 'K30 refused D' },
      ],
    });
  });

  it('ends the run on an error that is not one person’s: no one new is started, the writes under way are waited for', async () => {
    const writes = manualUpsert();
    let settled = false;
    const run = upsertOneByOne(['A', 'B', 'C', 'D', 'E'].map((pin) => person(pin)), writes.upsert, { inFlight: 3 });
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    void outcome.then(() => (settled = true));
    await settle();
    const gone = new DriverError('unreachable', 'The server is gone.', { vendor: 'test' });
    writes.pending.find((p) => p.person.pin === 'A')?.fail(gone);
    await settle();
    expect(writes.started).toEqual(['A', 'B', 'C']);
    writes.pending.find((p) => p.person.pin === 'B')?.finish();
    await settle();
    // Still waiting for C, and D is never started.
    expect(writes.started).toEqual(['A', 'B', 'C']);
    expect(settled).toBe(false);
    writes.pending.find((p) => p.person.pin === 'C')?.finish();
    expect(await outcome).toBe(gone);
    expect(writes.started).toEqual(['A', 'B', 'C']);
  });

  it('stops taking people when cancelled', async () => {
    const writes = manualUpsert();
    const controller = new AbortController();
    const run = upsertOneByOne(['A', 'B', 'C'].map((pin) => person(pin)), writes.upsert, { inFlight: 1, signal: controller.signal });
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await settle();
    controller.abort();
    writes.pending[0]?.finish();
    expect(await outcome).toMatchObject({ name: 'AbortError' });
    expect(writes.started).toEqual(['A']);
  });
});
