/** How official documents write numbers, times and quoted text. */

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三 (headings are numbered 一、 （一）). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** "09:30" → "9时30分"; blank stays blank. */
export function chineseTime(time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  return m ? `${Number(m[1])}时${m[2]}分` : '';
}

/** The paragraphs of a typed text: one per line, blank lines dropped, spaces trimmed. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A quotation cut to about `max` characters at a sentence end where one is near. */
export function shortQuote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max).join('');
  const stop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'));
  return stop > max / 2 ? head.slice(0, stop + 1) : `${head}……`;
}

/** A sentence ends in 。 (or another closing mark the writer chose). */
export function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[。！？；：…”）]$/.test(t) ? t : `${t}。`;
}
