import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One file inside a zip: its name and its content, produced piece by piece (it may be far larger than memory). */
export interface ZipEntry {
  readonly name: string;
  readonly content: Iterable<string | Buffer>;
}

/**
 * Writes a zip (deflated entries, sizes in the local headers, then the central directory) without
 * holding any entry in memory: each local header is written first and its CRC and sizes patched in
 * once the entry is done. Enough for XLSX fixtures of millions of rows and for zip bombs.
 */
export async function writeZip(path: string, entries: readonly ZipEntry[], options: { readonly declareSize?: (size: number) => number } = {}): Promise<void> {
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (bytes: Buffer, position?: number) => {
    writeSync(fd, bytes, 0, bytes.length, position ?? offset);
    if (position === undefined) offset += bytes.length;
  };
  const central: Buffer[] = [];
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const headerAt = offset;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4); // version needed
      header.writeUInt16LE(0x0800, 6); // UTF-8 names
      header.writeUInt16LE(8, 8); // deflate
      header.writeUInt16LE(name.length, 26);
      write(Buffer.concat([header, name]));
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const deflate = createDeflateRaw({ level: 6 });
      deflate.on('data', (chunk: Buffer) => {
        write(chunk);
        compressed += chunk.length;
      });
      const finished = once(deflate, 'end');
      for (const piece of entry.content) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await once(deflate, 'drain');
      }
      deflate.end();
      await finished;
      const sizes = Buffer.alloc(12);
      sizes.writeUInt32LE(crc >>> 0, 0);
      sizes.writeUInt32LE(compressed, 4);
      // A zip bomb may declare any size it likes (`declareSize`); a reader must count what it unpacks.
      sizes.writeUInt32LE((options.declareSize?.(size) ?? size) >>> 0, 8);
      write(sizes, headerAt + 14);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(8, 10);
      sizes.copy(record, 16);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(headerAt, 42);
      central.push(record, name);
    }
    const directory = Buffer.concat(central);
    const directoryAt = offset;
    write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(directoryAt, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "A" for 0, "AA" for 26: cell references need them. */
function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A worksheet's XML around its rows (inline strings, so no shared-strings part is needed). */
function* sheetXml(rows: Iterable<readonly (string | number)[]>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let r = 0;
  let batch = '';
  for (const row of rows) {
    r++;
    batch += `<row r="${r}">${row.map((v, i) => (typeof v === 'number' ? `<c r="${letters(i)}${r}"><v>${v}</v></c>` : `<c r="${letters(i)}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`)).join('')}</row>`;
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

/** The parts every workbook needs besides its sheet, in the order Excel writes them. */
export function workbookParts(): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      content: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ],
    },
    {
      name: '_rels/.rels',
      content: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ],
    },
    {
      name: 'xl/workbook.xml',
      content: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ],
    },
  ];
}

/** An XLSX of one sheet holding `rows` (the first is the header), streamed: any number of rows. */
export function writeSheetXlsx(path: string, rows: Iterable<readonly (string | number)[]>): Promise<void> {
  return writeZip(path, [...workbookParts(), { name: 'xl/worksheets/sheet1.xml', content: sheetXml(rows) }]);
}

/** `count` repetitions of `piece`, without building them all. */
export function* repeat(piece: Buffer, count: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield piece;
}
