import { describe, expect, it } from 'vitest';
import type { ScanService } from '../../../shared/contract/scan.ts';
import { commissioningOf } from '../../../renderer/src/pages/scan/scan-logic.ts';
import { checkScanForm, defaultSubnets, EMPTY_FORM, fieldErrorsOf, splitTargets, withFinding } from '../../../renderer/src/stores/scan-form.ts';

const service = (kind: ScanService['kind'], baseUrl: string | null = 'http://10.0.0.5:8098'): ScanService => ({ port: 8098, protocol: 'http', kind, confidence: 0.9, evidence: [], baseUrl });
const finding = (address: string) => ({ address, rttMs: 1, openPorts: [80], kind: 'unknown' as const, confidence: 0.2, services: [] });

describe('scan form', () => {
  it('splits targets on commas (also Chinese ones) and spaces, keeping ranges written with spaced dashes', () => {
    expect(splitTargets('10.0.0.0/24, 10.0.1.5 10.0.2.1 - 10.0.2.9，10.0.3.1、10.0.4.1')).toEqual(['10.0.0.0/24', '10.0.1.5', '10.0.2.1-10.0.2.9', '10.0.3.1', '10.0.4.1']);
  });

  it('ticks the non-internal subnets first', () => {
    const subnet = (cidr: string, internal: boolean) => ({ interface: 'x', address: '1.1.1.1', cidr, addresses: 254, internal });
    expect(defaultSubnets([subnet('192.168.1.0/24', false), subnet('127.0.0.0/8', true)])).toEqual(['192.168.1.0/24']);
  });

  it('builds the scan from the ticked subnets and the typed targets', () => {
    const check = checkScanForm({ targets: '10.0.0.7, 192.168.1.0/24', exclude: '192.168.1.1', ports: '8098, 80', timeoutMs: '300', onvif: true }, ['192.168.1.0/24']);
    expect(check).toEqual({ ok: true, request: { targets: ['192.168.1.0/24', '10.0.0.7'], exclude: ['192.168.1.1'], ports: [80, 8098], timeoutMs: 300, onvif: true } });
  });

  it('reports each field’s problem with its catalog key', () => {
    const check = checkScanForm({ ...EMPTY_FORM, ports: 'http', timeoutMs: '20' }, []);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.targets?.key).toBe('validation.scan_no_targets');
    expect(check.errors.ports?.key).toBe('validation.scan_ports');
    expect(check.errors.timeoutMs?.key).toBe('scanPage.validation.timeout');
  });

  it('puts the core’s refusal on the fields, naming the items', () => {
    const request = { targets: ['10.0.0.0/24', 'gate-house'], exclude: ['x'] };
    const errors = fieldErrorsOf(
      {
        code: 'invalid_input',
        message: 'bad',
        details: { issues: [{ path: ['targets', 1], code: 'custom', message: 'scan_target' }, { path: ['exclude', 0], code: 'custom', message: 'scan_target' }] },
      },
      request,
    );
    expect(errors).toEqual({ targets: { key: 'validation.scan_target', items: ['gate-house'] }, exclude: { key: 'validation.scan_target', items: ['x'] } });
    expect(fieldErrorsOf({ code: 'internal', message: 'x' }, request)).toBeNull();
  });
});

describe('scan results', () => {
  it('keeps findings in address order, a repeated address replacing the older', () => {
    const list = [finding('10.0.0.9'), finding('10.0.0.10'), finding('9.0.0.1'), { ...finding('10.0.0.9'), rttMs: 5 }].reduce(withFinding, []);
    expect(list.map((f) => f.address)).toEqual(['9.0.0.1', '10.0.0.9', '10.0.0.10']);
    expect(list[1]?.rttMs).toBe(5);
  });

  it('offers ZKBio, Hongtu and K30 as backends, and says why not for the others', () => {
    const name = (vendor: string) => `${vendor} 10.0.0.5`;
    expect(commissioningOf(service('zkbio'), name)).toEqual({ ok: true, draft: { vendor: 'zkbio', baseUrl: 'http://10.0.0.5:8098', name: 'zkbio 10.0.0.5' } });
    expect(commissioningOf(service('hongtu'), name).ok).toBe(true);
    expect(commissioningOf(service('hongtu', null), name)).toEqual({ ok: false, reason: 'noUrl' });
    expect(commissioningOf(service('k30'), name)).toMatchObject({ ok: true, draft: { vendor: 'k30' } });
    expect(commissioningOf(service('camera'), name)).toEqual({ ok: false, reason: 'device' });
    expect(commissioningOf(service('unknown'), name)).toEqual({ ok: false, reason: 'unknown' });
  });
});
