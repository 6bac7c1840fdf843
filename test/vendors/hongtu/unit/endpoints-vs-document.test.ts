import { describe, expect, it } from 'vitest';
import { hongtuEndpoints } from '../../../../electron/drivers/hongtu/endpoints.ts';
import { documentEndpoints } from './fixtures/document-paths.ts';

/** `Path： /v1/api/person/list` → `/v1/api/person/list` (the colon is the full-width ：). */
function documentPath(line: string): string {
  const match = /^Path：\s*(\S+)$/.exec(line);
  if (!match?.[1]) throw new Error(`not a Path line: ${line}`);
  return match[1];
}

/** `Method： POST` → `POST`. */
function documentMethod(line: string): string {
  const match = /^Method：\s*(\S+)$/.exec(line);
  if (!match?.[1]) throw new Error(`not a Method line: ${line}`);
  return match[1].toUpperCase();
}

/**
 * Paths or methods that deliberately differ from the printed lines, each of which the entry must
 * quote in a note (`doc Path literally '…'`). None: every printed line is used as it is. (The one
 * printed oddity, person.visitorCode's path parameter with no placeholder, is about fields: E13.)
 */
const ERRATA: Readonly<Record<string, { readonly path?: string; readonly method?: string }>> = {};

describe('the document fixture', () => {
  it('has the 80 Path/Method pairs of part 二, in document order', () => {
    const sections = Object.keys(documentEndpoints);
    expect(sections).toHaveLength(80);
    expect(sections).toEqual(Array.from({ length: 80 }, (_, index) => String(index + 1)));
    const lines = sections.map((section) => documentEndpoints[section]?.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('is one section per endpoint of the table', () => {
    expect(hongtuEndpoints.map((spec) => spec.section)).toEqual(Object.keys(documentEndpoints));
  });

  it('lists every erratum against a section that exists', () => {
    for (const section of Object.keys(ERRATA)) expect(documentEndpoints[section]).toBeDefined();
  });
});

describe("each endpoint's method, path, heading and module match the document", () => {
  it.each(hongtuEndpoints.map((spec) => [spec.section, spec.id, spec] as const))('%s %s', (section, _id, spec) => {
    const doc = documentEndpoints[section];
    if (!doc) throw new Error(`section ${section} is not in the document fixture`);
    const erratum = ERRATA[section];

    if (erratum?.method === undefined) expect(spec.method).toBe(documentMethod(doc.method));
    else {
      expect(spec.method).toBe(erratum.method);
      expect(spec.notes ?? []).toContain(`doc Method literally '${doc.method}'.`);
    }

    if (erratum?.path === undefined) expect(spec.path).toBe(documentPath(doc.path));
    else {
      expect(spec.path).toBe(erratum.path);
      expect((spec.notes ?? []).some((note) => note.startsWith(`doc Path literally '${doc.path}'`))).toBe(true);
    }

    expect(spec.title.split(' / ')[0]).toBe(doc.title);
    expect(spec.group.split(' / ')[0]).toBe(doc.module);
  });
});

describe('the parsers read only well-formed lines', () => {
  it.each([
    ['Path： /v1/api/device/info', '/v1/api/device/info'],
    ['Path：/v1/api/door/openDoor', '/v1/api/door/openDoor'],
  ])('%s → %s', (line, path) => {
    expect(documentPath(line)).toBe(path);
  });

  it('refuses a line that is not a Path line, or a path with a space in it', () => {
    expect(() => documentPath('Method： POST')).toThrow();
    expect(() => documentPath('Path： /v1/api/ device/info')).toThrow();
    expect(documentMethod('Method： GET')).toBe('GET');
  });
});
