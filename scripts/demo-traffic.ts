// The guard-room demo's traffic (`npm run demo -- --guard-room`): every few seconds the simulators
// make passes at their doors through their own emit APIs (the same as their /__sim admin routes):
// the demo people and the seeded ones pass, now and then a stranger or a refused card, and
// occasionally an alarm (ZKBio eventLevel 2 "Duress Password Open", K30 recogMode 16 duress /
// 12 fire). The events reach Doorman as on a real site: ZKBio by its monitor and list, Hongtu by
// its push subscription, K30 by its UploadRecord callback.
import type { HongtuSimulator } from '../test/simulators/hongtu/server.ts';
import type { K30Simulator } from '../test/simulators/k30/server.ts';
import type { ZkbioSimulator } from '../test/simulators/zkbio/server.ts';

export interface TrafficSimulators {
  readonly zkbio: ZkbioSimulator;
  readonly hongtu: HongtuSimulator;
  readonly k30: K30Simulator;
}

/** What one tick made, by kind (for the console and the tests). */
export type TrafficKind = 'pass' | 'stranger' | 'denied' | 'alarm';

/** ZKBio pins walking at its doors: the demo people and the seeded ones. */
export function zkbioWalkers(sims: TrafficSimulators, demoPins: readonly string[]): string[] {
  return [...demoPins, ...[...sims.zkbio.state.persons.values()].map((person) => person.pin)];
}

/**
 * Tick `n` (from 0): one event at each backend. The first ticks show every kind at once (a pass at
 * each, then a K30 duress alarm on tick 1), then, in every 20 ticks (a minute), a stranger at Hongtu
 * and one at K30, a refused face at Hongtu, a refused card every 7th tick at ZKBio and an alarm
 * (ZKBio duress, K30 fire, K30 duress in turn): a guard sees strangers now and then, not all the time.
 */
export function trafficTick(sims: TrafficSimulators, demoPins: readonly string[], n: number): TrafficKind[] {
  const { zkbio, hongtu, k30 } = sims;
  const made: TrafficKind[] = [];
  const walkers = zkbioWalkers(sims, demoPins);
  const doors = zkbio.state.doors;
  const door = doors[n % Math.max(1, doors.length)]?.id;
  const alarmTurn = n === 1 ? 0 : n % 20 === 19 ? 1 + (Math.floor(n / 20) % 3) : -1;
  // ZKBio: a demo person at a door; a card nobody holds (denied); duress.
  if (alarmTurn === 1) {
    zkbio.emitTransaction({ ...(door !== undefined ? { door } : {}), pin: walkers[n % walkers.length] ?? '', eventLevel: 2, eventNo: 101, eventName: 'Duress Password Open' });
    made.push('alarm');
  } else if (n % 7 === 6) {
    zkbio.emitTransaction({ ...(door !== undefined ? { door } : {}), cardNo: String(90_000_000 + n) });
    made.push('denied');
  } else {
    zkbio.emitTransaction({ ...(door !== undefined ? { door } : {}), pin: walkers[n % walkers.length] ?? '' });
    made.push('pass');
  }
  // Hongtu: the demo people once synced (enrolled with a face, so the pass carries the captured
  // photo), else its own people, let through; now and then a stranger or a refused face.
  const doorDevices = hongtu.state.doorDevices();
  const device = doorDevices[n % Math.max(1, doorDevices.length)]?.uuid;
  const synced = demoPins.map((pin) => hongtu.state.personByCode(pin)).filter((person) => person !== undefined);
  const persons = synced.length > 0 ? synced : [...hongtu.state.persons.values()];
  const at = device !== undefined ? { deviceUuid: device } : {};
  if (n % 20 === 4 || persons.length === 0) {
    hongtu.emitPassRecord(at);
    made.push('stranger');
  } else if (n % 20 === 11) {
    hongtu.emitPassRecord({ ...at, personUuid: persons[n % persons.length]?.uuid ?? '', passType: 0 });
    made.push('denied');
  } else {
    hongtu.emitPassRecord({ ...at, personUuid: persons[n % persons.length]?.uuid ?? '', passType: 1 });
    made.push('pass');
  }
  // K30: a pass at the gate (called back); duress (16) or fire (12) as its alarms; a stranger.
  if (alarmTurn === 0 || alarmTurn === 3) {
    k30.emitPassRecord({ mode: 16 });
    made.push('alarm');
  } else if (alarmTurn === 2) {
    k30.emitPassRecord({ mode: 12 });
    made.push('alarm');
  } else if (n % 20 === 14) {
    k30.emitPassRecord({ stranger: true });
    made.push('stranger');
  } else {
    // The demo people once K30 has them (job number = Doorman's pin), else its own.
    const pin = demoPins[n % Math.max(1, demoPins.length)];
    const person = [...k30.state.people.values()].find((candidate) => candidate.jobnumber === pin && candidate.devices.length > 0);
    k30.emitPassRecord(person ? { peopleno: person.no, ...(person.devices[0] !== undefined ? { deviceno: person.devices[0] } : {}) } : {});
    made.push('pass');
  }
  return made;
}

export interface Traffic {
  stop(): void;
}

/** Ticks every `intervalMs` (3 s by default), the first one at once. */
export function startTraffic(sims: TrafficSimulators, demoPins: readonly string[], intervalMs = 3_000, onTick?: (made: TrafficKind[]) => void): Traffic {
  let n = 0;
  const tick = () => {
    try {
      const made = trafficTick(sims, demoPins, n++);
      onTick?.(made);
    } catch (error) {
      console.error('demo traffic: a tick failed', error);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return { stop: () => clearInterval(timer) };
}
