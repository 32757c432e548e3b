/**
 * Documents as bytes, the same bytes for the same case on every host and every run: the app and
 * the command line must agree, and a file exported twice must compare equal. `docx` stamps the
 * time of packing in two places, the document properties and the ZIP entries; both are set here
 * to the document's date instead.
 */
import { Packer, type Document } from 'docx';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function coreXml(title: string, date: string): string {
  const at = `${date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>巡察工作台</dc:creator>` +
    `<cp:lastModifiedBy>巡察工作台</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function packDocument(doc: Document, title: string, date: string) {
  const zipped = await Packer.toArrayBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(title, date) },
  ]);
  return stampZip(new Uint8Array(zipped), date);
}

/**
 * Sets every entry's modification time in a ZIP to midnight of `date` (MS-DOS format), in the
 * central directory and in each local header, without touching the compressed data.
 */
export function stampZip<T extends Uint8Array>(zip: T, date: string): T {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP file');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('damaged ZIP directory');
    const local = view.getUint32(at + 42, true);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return zip;
}
