import type { HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { cliJson } from './cli.ts';

/** Backend ids in the order `seedSite` adds them. */
export const BACKENDS = { zkbio: 1, hongtu: 2, zkbioMuted: 3 } as const;

type Page<T> = { list: T[] };

/**
 * Prepares the data folder the web process will use, with the CLI as an installer would: a site
 * (selected), a ZKBio backend, a Hongtu backend with one panel commissioned into a door (the
 * simulator's seed has no doors until then, document §4.1), when given, a second ZKBio backend whose
 * simulator suppresses door events, and every backend's inventory stored.
 */
export async function seedSite(dataDir: string, sims: { zkbioUrl: string; zkbioToken: string; hongtu: HongtuSimulator; mutedUrl?: string }): Promise<{ hongtuDoorId: string }> {
  const data = <T>(...args: string[]): Promise<T> => cliJson<T>(dataDir, ...args);
  await data('sites', 'add', 'Block 3');
  await data('sites', 'select', '1');
  await data('backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sims.zkbioUrl, '--token', sims.zkbioToken);
  await data('backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', sims.hongtu.url, '--app-key', sims.hongtu.appKey, '--secret', sims.hongtu.secretKey);
  // One server is one backend of a site (issue 12 item 4): the muted one needs its own simulator.
  if (sims.mutedUrl !== undefined) await data('backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sims.mutedUrl, '--token', sims.zkbioToken);

  const hongtu = String(BACKENDS.hongtu);
  const panel = (await data<Page<{ snCode: string }>>('call', hongtu, 'device.queryReportDevice', '--params', '{"pageNum":1,"pageSize":50}')).list[0];
  if (!panel) throw new Error('the Hongtu simulator reported no panel');
  await data('call', hongtu, 'device.importDevice', '--params', JSON.stringify({ snCode: panel.snCode, name: 'North gate', location: 'North', deviceType: 2, deviceModel: 40, deviceMode: 1, discoveryMethod: 1 }));
  const devices = (await data<Page<{ uuid: string; name: string; deviceType: number }>>('call', hongtu, 'device.list', '--params', '{"pageNum":1,"pageSize":50}')).list;
  const imported = devices.find((d) => d.name === 'North gate');
  const edge = devices.find((d) => d.deviceType === 3);
  if (!imported || !edge) throw new Error('the Hongtu import or edge server is missing');
  await data('call', hongtu, 'device.bind', '--params', JSON.stringify({ uuid: edge.uuid, deviceUuids: [imported.uuid] }));
  await data('call', hongtu, 'door.add', '--params', JSON.stringify({ addDeviceUuids: [imported.uuid], removeDeviceUuids: [] }));

  for (const id of Object.values(BACKENDS)) if (id !== BACKENDS.zkbioMuted || sims.mutedUrl !== undefined) await data('backend', 'inventory', String(id));
  return { hongtuDoorId: imported.uuid };
}
