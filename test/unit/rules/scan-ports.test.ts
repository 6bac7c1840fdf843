import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS } from '../../../electron/scan/ports.ts';
import { DEFAULT_SCAN_PORTS, parsePortList } from '../../../shared/rules/scan-ports.ts';

describe('scan ports as typed', () => {
  it('reads ports and ranges separated by commas or spaces, ascending and once each', () => {
    expect(parsePortList('8098, 80 8000-8002,80')).toEqual([80, 8000, 8001, 8002, 8098]);
    expect(parsePortList('8000 - 8001')).toEqual([8000, 8001]);
  });

  it('is the default set when empty', () => {
    expect(parsePortList('  ')).toEqual([]);
  });

  it('refuses what is not a port, a reversed range and more than 1,024 ports', () => {
    for (const bad of ['http', '0', '65536', '90-80', '1-2000', '80,x', '1-1000 2000-2100']) expect(parsePortList(bad), bad).toBeNull();
    expect(parsePortList('1-1024')).toHaveLength(1024);
  });

  it('names the same default ports as the scanner', () => {
    expect([...DEFAULT_SCAN_PORTS]).toEqual(DEFAULT_PORTS.map((hint) => hint.port));
  });
});
