// The demo's console: what a person at a door would do, typed in the demo's terminal, so a door
// test's walk-through (and the events it waits for) can happen without hardware.
//
//   walk zkbio <pin> [door name]          the person shows a face at the door (ZKBio access record)
//   walk hongtu <person code> [device]    the person passes a Hongtu panel (pass record, pushed)
//   people zkbio | people hongtu          who the simulator knows
//   doors zkbio | doors hongtu            where they can walk
//   down zkbio|hongtu / up zkbio|hongtu    the backend stops answering (connection reset) / answers again
//   zj task [sn] [count]                   the Zhejiang platform sends workers to a bridge device (T_SEND_PERSON)
//   zj signins | zj devices                what the platform received / its devices online or not
import { createInterface } from 'node:readline';
import type { HongtuSimulator } from '../test/simulators/hongtu/server.ts';
import type { ZhejiangSimulator } from '../test/simulators/zhejiang/server.ts';
import type { ZkbioSimulator } from '../test/simulators/zkbio/server.ts';

/** The simulators the console acts on (the Zhejiang platform is optional: its commands say so without it). */
export interface ConsoleSimulators {
  readonly zkbio: ZkbioSimulator;
  readonly hongtu: HongtuSimulator;
  readonly zhejiang?: ZhejiangSimulator | undefined;
}

export const CONSOLE_HELP = `Type in this window / 在此窗口输入:
  walk zkbio <pin> [door]          a person at a ZKBio door / 人员在 ZKBio 门前刷脸
  walk hongtu <code> [device]      a person at a Hongtu panel / 人员在鸿图面板前通行
  people zkbio|hongtu              who the simulator knows / 模拟后台中的人员
  doors zkbio|hongtu               the doors / 门
  down zkbio|hongtu                the backend stops answering / 后台停止响应（模拟断网）
  up zkbio|hongtu                  it answers again / 后台恢复响应
  zj task [sn] [count]             the Zhejiang platform sends workers to a bridge device / 浙江平台向网桥设备下发工人
  zj signins                       the attendance the platform received / 平台收到的考勤记录
  zj devices                       the platform's devices, online or not / 平台上的设备及在线状态
`;

/** The fault rule each backend's `down` added, until `up` clears it. */
const outages = new Map<'zkbio' | 'hongtu', number>();

export function startDemoConsole(sims: ConsoleSimulators, write: (text: string) => void): void {
  if (!process.stdin.isTTY) return;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    try {
      write(`${consoleAnswer(sims, line.trim().split(/\s+/))}\n`);
    } catch (error) {
      write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
}

export function consoleAnswer({ zkbio, hongtu, zhejiang }: ConsoleSimulators, [verb, vendor, who, ...where]: string[]): string {
  if (verb === 'zj') {
    if (!zhejiang) throw new Error('This demo runs no Zhejiang platform simulator.');
    return zhejiangAnswer(zhejiang, vendor, who, where[0]);
  }
  const place = where.length > 0 ? where.join(' ') : undefined;
  if (verb === 'people' && vendor === 'zkbio') return [...zkbio.state.persons.values()].map((p) => `${p.pin}  ${p.name}`).join('\n') || '(none)';
  if (verb === 'people' && vendor === 'hongtu') return [...hongtu.state.persons.values()].map((p) => `${p.code ?? '(no code)'}  ${p.name}`).join('\n') || '(none)';
  if (verb === 'doors' && vendor === 'zkbio') return zkbio.state.doors.map((d) => d.name).join('\n') || '(none)';
  if (verb === 'doors' && vendor === 'hongtu') return hongtu.state.doorDevices().map((d) => d.name).join('\n') || '(no panel is a door yet: run the set-up wizard)';
  if ((verb === 'down' || verb === 'up') && (vendor === 'zkbio' || vendor === 'hongtu')) {
    const faults = vendor === 'zkbio' ? zkbio.faults : hongtu.faults;
    const rule = outages.get(vendor);
    if (rule !== undefined) faults.clear(rule);
    outages.delete(vendor);
    if (verb === 'up') return `${vendor}: answering again / 已恢复响应`;
    outages.set(vendor, faults.reset());
    return `${vendor}: not answering (every connection is reset) until: up ${vendor} / 停止响应，输入 up ${vendor} 恢复`;
  }
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

/** Demo workers' names, in turn. */
const WORKER_NAMES = ['王建国', '李志强', '张伟', '刘洋', '陈磊', '杨军', '赵勇', '黄海'];

function zhejiangAnswer(zhejiang: ZhejiangSimulator, what: string | undefined, sn: string | undefined, count: string | undefined): string {
  if (what === 'devices') {
    return zhejiang.devices.map((device) => `${device}  ${zhejiang.tcp.isOnline(device) ? 'online / 在线' : 'offline / 离线'}`).join('\n');
  }
  if (what === 'signins') {
    const received = zhejiang.signIns.slice(-10);
    if (received.length === 0) return '(no attendance received yet / 平台尚未收到考勤)';
    return received.map((r) => `${new Date(r.recordTime).toISOString()}  ${r.sn}  ${r.personId}${r.duplicate ? '  (duplicate / 重复)' : ''}`).join('\n');
  }
  if (what === 'task') {
    const device = sn ?? zhejiang.devices[0];
    if (device === undefined || !zhejiang.devices.includes(device)) throw new Error(`The platform has no device ${device ?? ''} (type: zj devices)`);
    const n = count === undefined ? 3 : Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('count: 1 to 100 workers');
    const before = zhejiang.tasks.all().reduce((sum, task) => sum + task.workers.length, 0);
    const workers = Array.from({ length: n }, (_, i) => ({ personId: `ZJ${String(before + i + 1).padStart(4, '0')}`, name: WORKER_NAMES[(before + i) % WORKER_NAMES.length]!, photo: 'ok' as const }));
    const task = zhejiang.queueTask({ sn: device, apicode: 'T_SEND_PERSON', workers, personIds: [], param: undefined });
    return `Zhejiang: task ${task.taskid} (T_SEND_PERSON) for ${device}: ${workers.map((w) => `${w.personId} ${w.name}`).join(', ')} — the bridge picks it up at its next heartbeat / 网桥在下次心跳时领取任务`;
  }
  return CONSOLE_HELP;
}
