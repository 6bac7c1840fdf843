import { describe, expect, it } from 'vitest';
import { zkbioEndpoints } from '../../../../electron/drivers/zkbio/endpoints.ts';
import { documentRequests } from './fixtures/document-urls.ts';

const HOST = /^http:\/\/serverIP:serverPort/;

/**
 * The path a printed Request URL names once the text conversion's damage is repaired (zkbio.md §8.1):
 * spaces inside URLs ("page Size", "serverPort /api", "access_to ken"), the `&times` entity turned
 * into "×tamp", the query string (and `&access_token` printed without `?`), and the capital I read
 * as l ("getByld", "Whols").
 */
function documentPath(url: string): string {
  const path = url.replace(/\s+/g, '').replace(HOST, '').replace(/×tamp/g, '&timestamp').split(/[?&]/, 1)[0] ?? '';
  return path.replace(/getByld/g, 'getById').replace(/Whols/g, 'WhoIs');
}

/** The Request Mode row also reads `get` (2.3.2) and `Post` (2.26.1). */
function documentMethod(mode: string): string {
  return mode.toUpperCase();
}

/** The URL as printed, minus the `http://serverIP:serverPort` placeholder: what an erratum note quotes. */
function printed(url: string): string {
  return url.replace(HOST, '');
}

/**
 * Paths that deliberately differ from the printed URL (zkbio.md §8.2–8.3): the table follows the
 * heading or the sibling sections, and the entry must quote the document in a note.
 */
const ERRATA: Readonly<Record<string, string>> = {
  '2.3.7': '/api/v2/eleLevel/list', // URL row copies 2.1.9's /api/v2/accLevel/list
  '2.10.3': '/api/v2/device/list', // URL row copies 2.10.1's /api/device/acclist
  '2.12.6': '/api/door/remoteCloseById', // printed remotecloseById
  '2.12.7': '/api/door/remoteCloseByName', // printed remotecloseByName
  '2.13.2': '/api/floor/remoteCloseById', // printed remotecloseById
  '2.13.4': '/api/v2/floor/list', // URL row copies 2.13.1's /api/floor/list
  '2.23.5': '/api/attApply/uploadLeaveImage', // printed uploadLeavelImage; 2.24.3 and 2.23.6 say uploadLeaveImage
  '2.31.1': '/api/psgDevice/list', // printed psgdDevice (heading psgdDvice)
};

describe('the document fixture', () => {
  it('has one Request URL and Request Mode for each section of the table', () => {
    expect(Object.keys(documentRequests)).toHaveLength(217);
    expect(new Set(zkbioEndpoints.map((spec) => spec.section))).toEqual(new Set(Object.keys(documentRequests)));
  });

  it('lists every erratum against a section that exists', () => {
    for (const section of Object.keys(ERRATA)) expect(documentRequests[section]).toBeDefined();
  });
});

describe("each endpoint's method and path match the document", () => {
  it.each(zkbioEndpoints.map((spec) => [spec.section, spec.id, spec] as const))('%s %s', (section, _id, spec) => {
    const doc = documentRequests[section];
    if (!doc) throw new Error(`section ${section} is not in the document fixture`);
    expect(spec.method).toBe(documentMethod(doc.mode));
    if (doc.mode !== spec.method) expect(spec.notes ?? []).toContain(`doc Request Mode literally '${doc.mode}'.`);

    const erratum = ERRATA[section];
    if (erratum === undefined) {
      expect(spec.path).toBe(documentPath(doc.url));
    } else {
      expect(spec.path).toBe(erratum);
      expect(spec.path).not.toBe(documentPath(doc.url));
      const quote = `doc URL literally '${printed(doc.url)}'`;
      expect((spec.notes ?? []).some((note) => note.startsWith(quote))).toBe(true);
    }
  });
});

describe('notes that quote the document', () => {
  it.each(zkbioEndpoints.map((spec) => [spec.section, spec.id, spec] as const))('%s %s quotes its own Request URL exactly', (section, _id, spec) => {
    const doc = documentRequests[section];
    if (!doc) throw new Error(`section ${section} is not in the document fixture`);
    for (const note of spec.notes ?? []) {
      const quoted = /^doc URL literally '([^']*)'/.exec(note)?.[1];
      if (quoted !== undefined) expect(quoted).toBe(printed(doc.url));
    }
  });
});

describe('documentPath repairs only the listed artefacts', () => {
  it.each([
    ['http://serverIP:serverPort/api/door/doorStateById?doorId=1×tamp={timestamp}&access_token={apitoken}', '/api/door/doorStateById'],
    ['http://serverIP:serverPort/api/adMedia/get/{name}&access_token={apitoken}', '/api/adMedia/get/{name}'],
    ['http://serverIP:serverPort /api/attPerson/editAttPerson?access_token={apitoken}', '/api/attPerson/editAttPerson'],
    ['http://serverIP:serverPort/api/accAdvanced/getWholsInsideByZone?code={code}&access_token={apitoken}', '/api/accAdvanced/getWhoIsInsideByZone'],
    ['http://serverIP:serverPort/api/door/remotecloseById?doorId={doorId}&access_token={apitoken}', '/api/door/remotecloseById'],
  ])('%s → %s', (url, path) => {
    expect(documentPath(url)).toBe(path);
  });
});
