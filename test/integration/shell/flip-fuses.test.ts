import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const script = fileURLToPath(new URL('../../../scripts/flip-fuses.ts', import.meta.url));

/** Electron's fuse sentinel (its fuse wire follows: version byte, length byte, one byte per fuse). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in for a packaged app's binary (Electron's own cannot be downloaded here): bytes around
 * a fuse wire laid out as Electron 45 ships it ('1' on, '0' off).
 */
function standIn(wire = '101100011', version = 1): { path: string; before: Buffer; wireAt: number } {
  const head = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7 + 3) % 251));
  const tail = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 13 + 5) % 241));
  const before = Buffer.concat([head, Buffer.from(SENTINEL), Buffer.from([version, wire.length]), Buffer.from(wire), tail]);
  const path = join(tempDir(), 'doorman');
  writeFileSync(path, before);
  return { path, before, wireAt: head.length + SENTINEL.length + 2 };
}

function flip(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('scripts/flip-fuses.ts', () => {
  it('sets every fuse of a packaged binary as the table says, and touches no other byte', () => {
    const { path, before, wireAt } = standIn();
    const run = flip(path);
    expect(run.status, run.out).toBe(0);
    const after = readFileSync(path);
    // RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol, WasmTrapHandlers
    expect(after.subarray(wireAt, wireAt + 9).toString('latin1')).toBe('010011001');
    expect(Buffer.concat([after.subarray(0, wireAt), after.subarray(wireAt + 9)])).toEqual(Buffer.concat([before.subarray(0, wireAt), before.subarray(wireAt + 9)]));
    expect(run.out).toMatch(/RunAsNode\s+off/);
    expect(run.out).toMatch(/EnableCookieEncryption\s+on/);
    // Running it again changes nothing.
    expect(flip(path).status).toBe(0);
    expect(readFileSync(path)).toEqual(after);
  });

  it('refuses a binary whose Electron has a fuse the table does not decide, and leaves it as it was', () => {
    const { path, before } = standIn('1011000110');
    const run = flip(path);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/fuse/i);
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a file that is not an Electron binary, and says how to call it', () => {
    const path = join(tempDir(), 'not-electron');
    writeFileSync(path, 'just text');
    const run = flip(path);
    expect(run.status).toBe(1);
    expect(run.out).toContain('not-electron');
    expect(flip().status).toBe(2);
    expect(flip().out).toContain('flip-fuses.ts <packaged app binary>');
  });
});
