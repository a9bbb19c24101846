// A .docx "zip bomb" for the abuse tests and the abuse benchmark: a valid Word package whose
// word/document.xml inflates to about 850 times the file's size (paragraphs of one letter). Built in memory, the big entry streamed through zlib, never held whole.
import { constants, crc32, createDeflateRaw } from 'node:zlib';

interface Entry {
  name: string;
  crc: number;
  size: number;
  data: Buffer;
}

/** Deflates `chunk` repeated `times` times (plus a head and a tail) without building the whole. */
async function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = crc32(head);
  let size = head.length;
  const write = async (b: Buffer): Promise<void> => {
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  for (let i = 0; i < times; i++) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    await write(chunk);
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  return { data: Buffer.concat(out), crc, size };
}

function zip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    parts.push(local, name, e.data);
    offset += local.length + name.length + e.data.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

async function small(name: string, text: string): Promise<Entry> {
  return { name, ...(await deflateRepeated(Buffer.alloc(0), Buffer.from(text, 'utf8'), 1, Buffer.alloc(0))) };
}

/**
 * A .docx whose word/document.xml is about `xmlBytes` long: paragraphs of one Cyrillic letter.
 * `xmlBytes` of 1 GB gives a file of about 1.2 MB (1.6 MB in base64).
 */
export async function docxBomb(options: { xmlBytes: number }): Promise<Buffer> {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  // Paragraphs of one letter deflate best (about 850:1); words would give about 450:1.
  const paragraph = Buffer.from(`<w:p><w:r><w:t>${'о'.repeat(32_768)}</w:t></w:r></w:p>`, 'utf8');
  const chunk = Buffer.concat(Array.from({ length: 16 }, () => paragraph));
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${w}"><w:body>`, 'utf8');
  const tail = Buffer.from('</w:body></w:document>', 'utf8');
  const body = await deflateRepeated(head, chunk, Math.max(1, Math.round(options.xmlBytes / chunk.length)), tail);
  return zip([
    await small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    await small('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    { name: 'word/document.xml', ...body },
  ]);
}
