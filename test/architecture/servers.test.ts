import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The one file allowed to make a listening server: it applies the timeouts and size limits. */
const LIMITED_SERVER = 'electron/net/limited-http-server.ts';

/** Ways Node and ws make a server that listens by itself. */
const MAKES_A_SERVER = /\bcreate(Secure)?Server\s*\(|new\s+(https?\.|net\.|tls\.)?Server\s*\(|new\s+WebSocketServer\s*\(\s*\{[^}]*\bport\s*:/;

function serversMadeOutsideTheLimits(file: string, source: string): string[] {
  if (file.split('\\').join('/') === LIMITED_SERVER) return [];
  return MAKES_A_SERVER.test(source) ? [file] : [];
}

describe('servers in the core', () => {
  it('are all made by the limited HTTP server (timeouts, header and connection limits)', () => {
    const found = sourceFiles(root, 'electron').flatMap((file) => serversMadeOutsideTheLimits(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('are recognised however they are made', () => {
    for (const source of [
      `import { createServer } from 'node:http'; createServer((req, res) => res.end());`,
      `import https from 'node:https'; https.createServer({}, handler);`,
      `import net from 'node:net'; const s = new net.Server();`,
      `const wss = new WebSocketServer({ port: 8080 });`,
      `http2.createSecureServer(opts)`,
    ]) {
      expect(serversMadeOutsideTheLimits('electron/x.ts', source), source).toEqual(['electron/x.ts']);
    }
    expect(serversMadeOutsideTheLimits('electron/x.ts', `new WebSocketServer({ noServer: true, maxPayload: 1 })`)).toEqual([]);
    expect(serversMadeOutsideTheLimits(LIMITED_SERVER, `createServer(options, listener)`)).toEqual([]);
  });
});
