import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../electron/core/static-files.ts';

const root = resolve('/srv/renderer');

describe('static path resolution', () => {
  it('maps / to index.html and paths below the root to files', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/assets/%E5%B7%A5.png')).toBe(join(root, 'assets/工.png'));
  });

  it.each(['/../secret.key', '/assets/../../etc/passwd', '/%2e%2e/x', '/a%00b', '/a%5c..%5cb', '/%E0%A4%A', '/..'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toBeNull();
    },
  );

  it('names content types', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
