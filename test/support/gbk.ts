/**
 * Text to GB18030 bytes, for tests that must feed the app a CSV as Chinese Windows writes it
 * (neither Node nor Chromium encodes GBK). Built by decoding every two-byte code once.
 */
let table: Map<string, number> | undefined;

function codes(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const map = codes();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = map.get(ch);
      if (pair === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(pair >> 8, pair & 0xff);
    }
  }
  return new Uint8Array(out);
}
