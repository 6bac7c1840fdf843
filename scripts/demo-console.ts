// The demo's console: what a person at a door would do, typed in the demo's terminal, so a door
// test's walk-through (and the events it waits for) can happen without hardware.
//
//   walk zkbio <pin> [door name]          the person shows a face at the door (ZKBio access record)
//   walk hongtu <person code> [device]    the person passes a Hongtu panel (pass record, pushed)
//   people zkbio | people hongtu          who the simulator knows
//   doors zkbio | doors hongtu            where they can walk
import { createInterface } from 'node:readline';
import type { HongtuSimulator } from '../test/simulators/hongtu/server.ts';
import type { ZkbioSimulator } from '../test/simulators/zkbio/server.ts';

export const CONSOLE_HELP = `Type in this window / 在此窗口输入:
  walk zkbio <pin> [door]          a person at a ZKBio door / 人员在 ZKBio 门前刷脸
  walk hongtu <code> [device]      a person at a Hongtu panel / 人员在鸿图面板前通行
  people zkbio|hongtu              who the simulator knows / 模拟后台中的人员
  doors zkbio|hongtu               the doors / 门
`;

export function startDemoConsole(zkbio: ZkbioSimulator, hongtu: HongtuSimulator, write: (text: string) => void): void {
  if (!process.stdin.isTTY) return;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    try {
      write(`${answer(zkbio, hongtu, line.trim().split(/\s+/))}\n`);
    } catch (error) {
      write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
}

function answer(zkbio: ZkbioSimulator, hongtu: HongtuSimulator, [verb, vendor, who, ...where]: string[]): string {
  const place = where.length > 0 ? where.join(' ') : undefined;
  if (verb === 'people' && vendor === 'zkbio') return [...zkbio.state.persons.values()].map((p) => `${p.pin}  ${p.name}`).join('\n') || '(none)';
  if (verb === 'people' && vendor === 'hongtu') return [...hongtu.state.persons.values()].map((p) => `${p.code ?? '(no code)'}  ${p.name}`).join('\n') || '(none)';
  if (verb === 'doors' && vendor === 'zkbio') return zkbio.state.doors.map((d) => d.name).join('\n') || '(none)';
  if (verb === 'doors' && vendor === 'hongtu') return hongtu.state.doorDevices().map((d) => d.name).join('\n') || '(no panel is a door yet: run the set-up wizard)';
  if (verb === 'walk' && vendor === 'zkbio' && who) {
    const record = zkbio.emitTransaction({ pin: who, ...(place ? { door: place } : {}) });
    return `ZKBio: ${record.pin} ${record.name} at ${record.eventPointName} — ${record.eventName}`;
  }
  if (verb === 'walk' && vendor === 'hongtu' && who) {
    const person = hongtu.state.personByCode(who);
    if (!person) throw new Error(`Hongtu has no person with code ${who} (type: people hongtu)`);
    const device = place === undefined ? undefined : [...hongtu.state.devices.values()].find((d) => d.name === place);
    if (place !== undefined && !device) throw new Error(`Hongtu has no device named ${place} (type: doors hongtu)`);
    const record = hongtu.emitPassRecord({ personUuid: person.uuid, ...(device ? { deviceUuid: device.uuid } : {}) });
    return `Hongtu: ${person.name} at ${record.deviceName} — ${record.passType === 1 ? 'passed' : 'not let through'}`;
  }
  return CONSOLE_HELP;
}
