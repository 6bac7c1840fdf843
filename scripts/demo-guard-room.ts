// `npm run demo -- --guard-room`: the demo site with the three simulators as its backends, as the
// installer would add them (backends.add, then Inventory → Refresh), the Hongtu and K30 receivers
// started (Hongtu subscribes itself; K30's callback URL is set in its simulator, as typed into its
// software), a few demo people enrolled with a face on all three, and the traffic (demo-traffic.ts) running.
import { call } from '../electron/cli/call.ts';
import type { Core } from '../electron/core/create-core.ts';
import { astronautJpeg } from '../test/support/astronaut.ts';
import { startTraffic, type TrafficSimulators } from './demo-traffic.ts';

export const GUARD_ROOM_PEOPLE = [
  { pin: 'G1001', name: 'Chen Jing 陈静' },
  { pin: 'G1002', name: 'Liu Yang 刘洋' },
  { pin: 'G1003', name: 'Zhao Min 赵敏' },
] as const;

export interface GuardRoom {
  readonly backendIds: { zkbio: number; hongtu: number; k30: number };
  readonly pins: readonly string[];
  stop(): void;
}

function demoFace(): { jpegBase64: string } | undefined {
  try {
    return { jpegBase64: astronautJpeg().toString('base64') };
  } catch {
    return undefined; // The face fixture is missing (bash scripts/dev.sh test fetches it): people without a face.
  }
}

export async function startGuardRoom(core: Core, siteId: number, sims: TrafficSimulators, options: { trafficIntervalMs?: number }): Promise<GuardRoom> {
  const { zkbio, hongtu, k30 } = sims;
  const zk = await call(core, 'backends.add', { siteId, vendor: 'zkbio', name: 'ZKBio CVSecurity', baseUrl: zkbio.url, credentials: { token: zkbio.token } });
  const ht = await call(core, 'backends.add', { siteId, vendor: 'hongtu', name: 'Hongtu 鸿图', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } });
  const kk = await call(core, 'backends.add', { siteId, vendor: 'k30', name: 'K30 门禁', baseUrl: k30.url, credentials: { companyNo: k30.companyNo } });
  for (const backend of [zk, ht, kk]) await call(core, 'backends.inventory', { id: backend.id, refresh: true });
  await call(core, 'receivers.start', { backendId: ht.id, host: '127.0.0.1' });
  const k30Receiver = await call(core, 'receivers.start', { backendId: kk.id, host: '127.0.0.1' });
  k30.callbacks.configure({ url: k30Receiver.url });

  const face = demoFace();
  for (const person of GUARD_ROOM_PEOPLE) {
    await call(core, 'people.enroll', {
      siteId,
      person: { pin: person.pin, name: person.name },
      // On all three, so each backend's passes show the enrolled face beside the captured one.
      targets: [{ backendId: zk.id }, { backendId: ht.id }, { backendId: kk.id }],
      ...(face ? { face } : { noFaceReason: 'Demo person without the face fixture / 演示人员（无人脸样图）' }),
    });
  }
  const pins = GUARD_ROOM_PEOPLE.map((person) => person.pin);
  const traffic = startTraffic(sims, pins, options.trafficIntervalMs);
  return { backendIds: { zkbio: zk.id, hongtu: ht.id, k30: kk.id }, pins, stop: () => traffic.stop() };
}
