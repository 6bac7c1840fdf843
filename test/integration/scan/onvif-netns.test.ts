import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProbeMatch, probeMessage } from '../../../electron/scan/ws-discovery.ts';

/**
 * ONVIF WS-Discovery needs multicast on a real LAN segment, so this test builds one: network
 * namespaces joined by a bridge (root only; skipped otherwise), a scanner, two ONVIF devices of
 * which only one is a target. Nothing leaves the namespaces.
 */
const tag = `dm${process.pid % 100000}`;
const ns = { lan: `${tag}-lan`, scanner: `${tag}-scan`, cam: `${tag}-cam`, other: `${tag}-oth` };
const NET = '10.231.7';
const canNetns = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0;
const cli = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const responder = fileURLToPath(new URL('../../support/onvif-responder.ts', import.meta.url));
const children: ChildProcess[] = [];
let dataDir = '';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
const inNs = (name: string, ...args: string[]) => ip('netns', 'exec', name, ...args);

function teardown() {
  for (const name of Object.values(ns)) spawnSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
}

async function startResponder(name: string, address: string, scope: string) {
  const child = spawn('ip', ['netns', 'exec', name, process.execPath, responder, address, scope], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`responder exited ${code}`)));
  });
}

beforeAll(async () => {
  if (!canNetns) return;
  teardown();
  for (const name of Object.values(ns)) ip('netns', 'add', name);
  inNs(ns.lan, 'ip', 'link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0');
  inNs(ns.lan, 'ip', 'link', 'set', 'br0', 'up');
  const hosts: [string, string][] = [[ns.scanner, `${NET}.1`], [ns.cam, `${NET}.2`], [ns.other, `${NET}.3`]];
  hosts.forEach(([name, address], i) => {
    ip('link', 'add', `${tag}v${i}`, 'netns', ns.lan, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', name);
    inNs(ns.lan, 'ip', 'link', 'set', `${tag}v${i}`, 'master', 'br0', 'up');
    inNs(name, 'ip', 'addr', 'add', `${address}/24`, 'dev', 'eth0');
    inNs(name, 'ip', 'link', 'set', 'eth0', 'up');
    inNs(name, 'ip', 'link', 'set', 'lo', 'up');
  });
  await startResponder(ns.cam, `${NET}.2`, 'Gate-Camera');
  await startResponder(ns.other, `${NET}.3`, 'Not-A-Target');
  dataDir = mkdtempSync(join(tmpdir(), 'doorman-onvif-'));
}, 30_000);

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  if (canNetns) teardown();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('ONVIF WS-Discovery', () => {
  it('reads a ProbeMatch to our Probe only, and only from ONVIF devices', () => {
    const id = 'uuid:1';
    expect(probeMessage(id)).toContain('<a:MessageID>uuid:1</a:MessageID>');
    const match = `<e:Envelope><e:Header><w:RelatesTo>${id}</w:RelatesTo></e:Header><e:Body><d:ProbeMatches><d:ProbeMatch><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/X</d:Scopes><d:XAddrs>http://10.0.0.9/onvif/device_service</d:XAddrs></d:ProbeMatch></d:ProbeMatches></e:Body></e:Envelope>`;
    expect(parseProbeMatch(match, id, '10.0.0.9')).toEqual({ address: '10.0.0.9', types: ['dn:NetworkVideoTransmitter'], scopes: ['onvif://www.onvif.org/name/X'], xaddrs: ['http://10.0.0.9/onvif/device_service'] });
    expect(parseProbeMatch(match, 'uuid:2', '10.0.0.9')).toBeNull();
    const printer = match.replace('dn:NetworkVideoTransmitter', 'wprt:PrintDeviceType').replace('onvif://www.onvif.org/name/X', 'http://printer');
    expect(parseProbeMatch(printer, id, '10.0.0.9')).toBeNull();
  });

  it.skipIf(!canNetns)('finds the camera on the namespace LAN, and ignores the device that is no target', () => {
    const run = spawnSync('ip', ['netns', 'exec', ns.scanner, process.execPath, cli, '--data-dir', dataDir, 'scan', `${NET}.2`, '--ports', '80', '--onvif', '--json'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', LANG: 'en_US.UTF-8' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { findings: { address: string; kind: string; openPorts: number[]; services: { protocol: string; baseUrl: string; evidence: { source: string; text: string }[] }[] }[] };
    expect(out.findings).toHaveLength(1);
    const camera = out.findings[0];
    expect(camera).toMatchObject({ address: `${NET}.2`, kind: 'camera', openPorts: [] });
    expect(camera?.services[0]).toMatchObject({ protocol: 'udp', baseUrl: `http://${NET}.2/onvif/device_service` });
    expect(camera?.services[0]?.evidence[0]?.text).toContain('onvif://www.onvif.org/name/Gate-Camera');
    // The other device did answer: with it among the targets, it is found too.
    const both = spawnSync('ip', ['netns', 'exec', ns.scanner, process.execPath, cli, '--data-dir', dataDir, 'scan', `${NET}.2-3`, '--ports', '80', '--onvif', '--json'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', LANG: 'en_US.UTF-8' } });
    expect((JSON.parse(both.stdout) as { findings: { address: string }[] }).findings.map((f) => f.address)).toEqual([`${NET}.2`, `${NET}.3`]);
  });
});
