import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentTypeOf } from './document-type.js';

/**
 * A ZIP archive of stored (uncompressed) entries, in order: just enough of the format to make
 * the smallest Word and OpenDocument files, whose type is told by the parts inside.
 */
function zip(entries: readonly (readonly [string, string])[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const DOCX = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  ['word/document.xml', '<w:document/>'],
]);
const ODT = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
]);
const PLAIN_ZIP = zip([['notes.txt', 'hello']]);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('a document judged by its content', () => {
  it('knows a Word and an OpenDocument text by the parts inside the archive', async () => {
    expect(await documentTypeOf(DOCX)).toMatchObject({ ok: true, extension: 'docx' });
    expect(await documentTypeOf(ODT)).toMatchObject({
      ok: true,
      extension: 'odt',
      mediaType: 'application/vnd.oasis.opendocument.text',
    });
  });

  it('knows a PDF whatever it is called, and refuses a bare archive, text and nothing', async () => {
    expect(await documentTypeOf(PDF)).toMatchObject({ ok: true, mediaType: 'application/pdf' });
    expect(await documentTypeOf(PLAIN_ZIP)).toEqual({
      ok: false,
      reason: 'unsupported',
      detected: 'application/zip',
    });
    expect(await documentTypeOf(new TextEncoder().encode('MZ not a document'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    expect(await documentTypeOf(new Uint8Array())).toEqual({
      ok: false,
      reason: 'empty',
      detected: null,
    });
  });
});
