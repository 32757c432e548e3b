/**
 * Reading a .docx back the way a test needs it: its paragraphs' text and style, in order, and
 * its footers. Plain XML reading (fflate + regular expressions over WordprocessingML), enough to
 * assert what a reader of the document would see; LibreOffice checks the rendering.
 */
import { unzipSync, strFromU8 } from 'fflate';

export interface DocParagraph {
  readonly text: string;
  readonly style: string;
  readonly inTable: boolean;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

function paragraphsOf(xml: string): DocParagraph[] {
  const out: DocParagraph[] = [];
  // Table depth decides inTable; paragraphs never nest.
  const tokens = xml.matchAll(/<w:tbl>|<\/w:tbl>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g);
  let depth = 0;
  for (const m of tokens) {
    if (m[0] === '<w:tbl>') depth++;
    else if (m[0] === '</w:tbl>') depth--;
    else {
      const inner = m[1] ?? '';
      const text = [
        ...inner.matchAll(
          /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g,
        ),
      ]
        .map((t) => (t[1] !== undefined ? unescape(t[1]) : `{${(t[2] ?? '').trim()}}`))
        .join('');
      const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '';
      out.push({ text, style, inTable: depth > 0 });
    }
  }
  return out;
}

export function readDocx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = (path: string) => (files[path] ? strFromU8(files[path]) : '');
  const footers = Object.keys(files)
    .filter((p) => /^word\/footer\d+\.xml$/.test(p))
    .map((p) => paragraphsOf(xml(p)));
  const headers = Object.keys(files)
    .filter((p) => /^word\/header\d+\.xml$/.test(p))
    .map((p) => paragraphsOf(xml(p)));
  return {
    paragraphs: paragraphsOf(xml('word/document.xml')),
    footers,
    headers,
    documentXml: xml('word/document.xml'),
  };
}
