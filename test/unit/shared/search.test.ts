import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SearchIndex, normalize, queryTerms, type SearchDoc } from '../../../shared/search';
import { normalizeWithMap } from '../../../shared/search/normalize';
import { PostingArena } from '../../../shared/search/posting-arena';

/** The oracle: an `includes()` scan over every document's normalised title and text. */
function naive(docs: Iterable<SearchDoc>, query: string): string[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const ids: string[] = [];
  for (const doc of docs) {
    const text = `${normalize(doc.title)}\n${normalize(doc.text)}`;
    if (terms.every((t) => text.includes(t))) ids.push(doc.id);
  }
  return ids.sort();
}

function ids(index: SearchIndex, query: string): string[] {
  return index
    .search(query, { limit: Infinity })
    .hits.map((h) => h.id)
    .sort();
}

const doc = (id: string, title: string, text: string, kind = 'interview'): SearchDoc => ({
  id,
  kind,
  title,
  text,
});

/** The highlighted strings of a hit's snippets, in order. */
function marked(index: SearchIndex, query: string, id: string): string[] {
  const hit = index.search(query).hits.find((h) => h.id === id);
  return (hit?.snippets ?? []).flatMap((s) =>
    s.highlights.map((h) => s.text.slice(h.start, h.end)),
  );
}

// A small alphabet, so that random texts and queries match often: CJK, punctuation that NFKC
// rewrites, full-width and upper-case letters, a line break and spaces.
const ALPHABET = [...'巡察公务用车低保资金问答：，ａAa１1 \n'];
const text = (max: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: max });
const term = fc.string({
  unit: fc.constantFrom(...'巡察公务用车低保资金：，ａAa１1'),
  minLength: 1,
  maxLength: 4,
});
const query = fc.oneof(
  term,
  fc.tuple(term, term).map(([a, b]) => `${a} ${b}`),
  fc.tuple(term, term, term).map(([a, b, c]) => `${a}\u3000${b}\t${c}`),
);
const docArb = fc.record({
  id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'),
  kind: fc.constantFrom('interview', 'docReview'),
  title: text(8),
  text: text(60),
});

describe('search normalisation', () => {
  it('folds full-width forms and Latin case the way NFKC does', () => {
    expect(normalize('ＡＢＣ１２３ＸＹＺ')).toBe('abc123xyz');
    expect(normalize('面积120㎡，ＯＡ系统')).toBe('面积120m2,oa系统');
    expect(queryTerms('  公务用车　低保\t低保  ')).toEqual(['公务用车', '低保']);
    expect(queryTerms(' 　\n')).toEqual([]);
  });

  it('equals NFKC and lower case over ordinary text', () => {
    const ordinary = [
      ...'巡察组公务用车低保，。：；？！（）“”《》ＡＢＣａｂｃ１２３ABCabc123 \n㎡①ﬁ',
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ordinary) }), (s) => {
        expect(normalize(s)).toBe(s.normalize('NFKC').toLowerCase());
      }),
    );
  });

  it('maps every normalised unit back to the original segment it came from', () => {
    // Units that expand (㎡ ﬁ ①), combine (e + U+0301), and sit outside the BMP (𠮷 𝐀).
    const tricky = [...'公务Ａa㎡ﬁ①e\u0301\u3099カ', '𠮷', '𝐀', 'ｶ', 'ﾞ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tricky), { maxLength: 20 }), (parts) => {
        const original = parts.join('');
        const { units, toOriginal } = normalizeWithMap(original);
        const normalised = String.fromCharCode(...units);
        expect(normalised).toBe(normalize(original));
        const at = (i: number) => (toOriginal === null ? i : toOriginal[i]!);
        expect(at(units.length)).toBe(original.length);
        for (let i = 0; i < units.length;) {
          let j = i + 1;
          while (j < units.length && at(j) === at(i)) j++;
          // The run [i, j) of normalised units came from original[at(i), at(j)).
          expect(normalize(original.slice(at(i), at(j)))).toBe(normalised.slice(i, j));
          i = j;
        }
      }),
    );
  });
});

describe('search results', () => {
  it('are exactly the documents an includes() scan finds, for any corpus and query', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 12 }),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        (docs, queries) => {
          const index = new SearchIndex();
          index.upsertMany(docs);
          const latest = new Map(docs.map((d) => [d.id, d]));
          expect(index.size).toBe(latest.size);
          for (const q of queries) {
            const { hits, total } = index.search(q, { limit: Infinity });
            expect(hits.map((h) => h.id).sort()).toEqual(naive(latest.values(), q));
            expect(total).toBe(hits.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stay exact through any sequence of upserts and removes, renumbering included', () => {
    const op = fc.oneof(
      docArb.map((d) => ({ upsert: d })),
      fc.constantFrom('d1', 'd2', 'd3', 'd9').map((id) => ({ remove: id })),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 30 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (ops, queries) => {
          // A tiny coordinate space makes the index renumber every few writes.
          const indexes = [new SearchIndex(), new SearchIndex({ spaceLimit: 150 })];
          const live = new Map<string, SearchDoc>();
          for (const o of ops) {
            if ('upsert' in o) {
              live.set(o.upsert.id, o.upsert);
              for (const index of indexes) index.upsert(o.upsert);
            } else {
              live.delete(o.remove);
              for (const index of indexes) index.remove(o.remove);
            }
          }
          for (const index of indexes) {
            expect(index.size).toBe(live.size);
            for (const q of queries) expect(ids(index, q)).toEqual(naive(live.values(), q));
            // Every live document is still found by its own text, and no removed one is.
            for (const d of live.values()) {
              const own = normalize(d.text)
                .split(/\s+/)
                .find((t) => t.length > 0);
              if (own !== undefined) expect(ids(index, own)).toContain(d.id);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('come ranked, with a limit that cuts the same ranking', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 12 }),
        term,
        fc.integer({ min: 0, max: 6 }),
        (docs, q, limit) => {
          const index = new SearchIndex();
          index.upsertMany(docs);
          const all = index.search(q, { limit: Infinity });
          for (let i = 1; i < all.hits.length; i++) {
            const [a, b] = [all.hits[i - 1]!, all.hits[i]!];
            expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
          }
          const page = index.search(q, { limit });
          expect(page.total).toBe(all.total);
          expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(0, limit).map((h) => h.id));
        },
      ),
    );
  });

  it('highlight only matches, inside snippets cut from the original text', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 10 }), query, (docs, q) => {
        const index = new SearchIndex();
        index.upsertMany(docs);
        const byId = new Map<string, SearchDoc>(docs.map((d) => [d.id, d]));
        const terms = queryTerms(q);
        const hasTerm = (s: string) => terms.some((t) => normalize(s).includes(t));
        for (const hit of index.search(q, { limit: Infinity }).hits) {
          const d = byId.get(hit.id)!;
          expect(hit.snippets.length).toBeLessThanOrEqual(3);
          expect(hit.titleHighlights.length > 0).toBe(hasTerm(d.title));
          for (const h of hit.titleHighlights)
            expect(hasTerm(d.title.slice(h.start, h.end))).toBe(true);
          let previousEnd = 0;
          for (const s of hit.snippets) {
            expect(s.offset).toBeGreaterThanOrEqual(previousEnd);
            expect(d.text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
            previousEnd = s.offset + s.text.length;
            let last = 0;
            for (const h of s.highlights) {
              expect(h.start).toBeGreaterThanOrEqual(last);
              expect(h.end).toBeGreaterThan(h.start);
              expect(h.end).toBeLessThanOrEqual(s.text.length);
              expect(hasTerm(s.text.slice(h.start, h.end))).toBe(true);
              last = h.end; // sorted, not overlapping
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('search highlights', () => {
  it('land exactly on each occurrence of a Chinese query in the original text', () => {
    const chinese = [...'巡察公务用车低保资金问答'];
    // A term of distinct characters cannot overlap itself, so each highlight is one occurrence.
    const distinct = fc.uniqueArray(fc.constantFrom(...chinese), { minLength: 1, maxLength: 4 });
    const body = fc.string({ unit: fc.constantFrom(...chinese, '，', '\n'), maxLength: 200 });
    fc.assert(
      fc.property(distinct, body, (chars, text) => {
        const q = chars.join('');
        const index = new SearchIndex();
        index.upsert(doc('d', q, text));
        const [hit] = index.search(q).hits;
        expect(hit!.titleHighlights).toEqual([{ start: 0, end: q.length }]);
        let shown = 0;
        for (const s of hit!.snippets) {
          for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe(q);
          shown += s.highlights.length;
          // Every occurrence inside the window is highlighted.
          expect(s.text.split(q).length - 1).toBe(s.highlights.length);
        }
        if (hit!.snippets.length < 3) expect(shown).toBe(text.split(q).length - 1);
      }),
    );
  });
});

describe('search in an inspection case', () => {
  const interview = doc(
    'i1',
    '与张伟的谈话记录',
    '谈话类型：个别谈话\n时间：2026年3月12日\n' +
      '问：你单位的公务用车管理情况？\n' +
      '答：单位现有公务用车5辆，实行统一派车，但出车登记不规范，节假日有公车私用的情况。\n' +
      '问：低保评定有没有优亲厚友？\n答：有两户低保户是村干部的亲属，群众有意见。',
  );
  const index = new SearchIndex();
  index.upsertMany([
    interview,
    doc(
      'r1',
      '查阅低保审批档案（2025年）',
      '抽查低保档案12份，其中3份缺少入户调查表。',
      'docReview',
    ),
    doc(
      'v1',
      '实地走访东风村',
      '走访地点：城关镇东风村\n方式：四不两直\n办公用房面积120㎡，ＯＡ系统未启用。',
      'siteVisit',
    ),
    doc(
      'x1',
      '资金(万元)核对',
      '金额(万元)：12.5*2，见[附件]\\备注。公务\n用车另计。',
      'docReview',
    ),
  ]);

  it('finds Chinese words in an interview and marks exactly them', () => {
    const { hits, total } = index.search('公务用车');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ id: 'i1', kind: 'interview', title: '与张伟的谈话记录' });
    expect(marked(index, '公务用车', 'i1')).toEqual(['公务用车', '公务用车']);
    expect(marked(index, '私用', 'i1')).toEqual(['私用']);
  });

  it('needs every term, each anywhere in the title or text', () => {
    expect(ids(index, '公务用车 低保')).toEqual(['i1']);
    expect(ids(index, '张伟 优亲厚友')).toEqual(['i1']);
    expect(ids(index, '低保　档案')).toEqual(['r1']);
    expect(ids(index, '公务用车 火星')).toEqual([]);
  });

  it('finds single characters', () => {
    expect(ids(index, '档')).toEqual(['r1']);
    expect(ids(index, '村')).toEqual(['i1', 'v1']);
    expect(marked(index, '档', 'r1')).toEqual(['档']);
  });

  it('treats full-width and half-width forms, and Latin case, alike', () => {
    expect(ids(index, 'oa系统')).toEqual(['v1']);
    expect(ids(index, 'ＯＡ')).toEqual(['v1']);
    expect(ids(index, '１２０')).toEqual(['v1']);
    expect(marked(index, 'oa系统', 'v1')).toEqual(['ＯＡ系统']);
  });

  it('highlights the original characters when NFKC changes lengths', () => {
    expect(marked(index, '120m2', 'v1')).toEqual(['120㎡']);
    expect(marked(index, '㎡', 'v1')).toEqual(['㎡']);
    // Half of an expanded character highlights the whole of it.
    expect(marked(index, '0m', 'v1')).toEqual(['0㎡']);
  });

  it('sees through zero-width characters pasted into stored text, highlighting the original', () => {
    const pasted = new SearchIndex();
    const hidden = '经查，公务\u200b用车\u2060登记\ufeff不规范，\u200c\u200d私车公养。';
    pasted.upsertMany([doc('z1', '谈话', hidden)]);
    expect(ids(pasted, '公务用车登记')).toEqual(['z1']);
    expect(ids(pasted, '私车公养')).toEqual(['z1']);
    expect(ids(pasted, '公务\u200b用车')).toEqual(['z1']); // a query carrying one too
    // The mark covers the original characters, the invisible ones among them.
    const visible = (t: string) => t.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    expect(marked(pasted, '公务用车', 'z1').map(visible)).toEqual(['公务用车']);
    expect(marked(pasted, '公务用车', 'z1')[0]).toMatch(/^公务\u200b用车/);
  });

  it('does not match a word split by a line break', () => {
    expect(ids(index, '公务用车')).toEqual(['i1']); // x1 has 公务\n用车
    expect(ids(index, '公务 用车')).toEqual(['i1', 'x1']);
  });

  it('reads regular-expression characters as plain text', () => {
    expect(ids(index, '(万元)')).toEqual(['x1']);
    expect(ids(index, '12.5*2')).toEqual(['x1']);
    expect(ids(index, '[附件]\\')).toEqual(['x1']);
    expect(ids(index, '.*')).toEqual([]);
    expect(ids(index, '?')).toEqual(['i1']); // the full-width ？ of its questions
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('')).toEqual({ hits: [], total: 0 });
    expect(index.search(' 　\n\t')).toEqual({ hits: [], total: 0 });
  });

  it('ranks title matches first, then more occurrences, then shorter records, then by id', () => {
    const ranked = new SearchIndex();
    ranked.upsertMany([
      doc('a', '谈话记录', '低保低保低保低保'),
      doc('b', '低保核查', '无'),
      doc('c', '谈话记录', '低保，低保。还有很多别的内容'),
      doc('d', '谈话记录', '低保，低保。'),
      doc('e', '谈话记录', '低保，低保。'),
    ]);
    expect(ranked.search('低保').hits.map((h) => h.id)).toEqual(['b', 'a', 'd', 'e', 'c']);
  });

  it('marks the title and cuts short snippets around matches far apart', () => {
    const filler = '情况正常。'.repeat(30);
    const long = new SearchIndex();
    long.upsert(doc('l', '低保谈话', `低保一${filler}低保二${filler}低保三${filler}低保四`));
    const [hit] = long.search('低保').hits;
    expect(hit!.titleHighlights).toEqual([{ start: 0, end: 2 }]);
    expect(hit!.snippets).toHaveLength(3);
    for (const s of hit!.snippets) {
      expect(s.text.length).toBeLessThanOrEqual(62);
      expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['低保']);
    }
    expect(
      hit!.snippets.map((s) => s.text.slice(s.highlights[0]!.end, s.highlights[0]!.end + 1)),
    ).toEqual(['一', '二', '三']);
    expect(hit!.snippets[0]!.offset).toBe(0);
    expect(hit!.snippets[1]!.offset).toBeGreaterThan(0);
  });

  it('finds characters outside the BMP', () => {
    const rare = new SearchIndex();
    rare.upsert(doc('s', '记录', '被谈话人：𠮷野家的𠮷先生'));
    expect(rare.search('𠮷').total).toBe(1);
    expect(marked(rare, '𠮷', 's')).toEqual(['𠮷', '𠮷']);
    expect(marked(rare, '𠮷先生', 's')).toEqual(['𠮷先生']);
  });

  it('forgets removed and replaced text', () => {
    const edits = new SearchIndex();
    edits.upsert(doc('a', '谈话', '公务用车管理混乱'));
    edits.upsert(doc('b', '谈话', '公务用车登记'));
    edits.upsert(doc('a', '谈话', '低保评定'));
    expect(ids(edits, '公务用车')).toEqual(['b']);
    expect(ids(edits, '低保')).toEqual(['a']);
    edits.remove('b');
    edits.remove('nobody');
    expect(edits.size).toBe(1);
    expect(ids(edits, '公务用车')).toEqual([]);
    edits.remove('a');
    expect(edits.size).toBe(0);
    expect(edits.search('谈话').total).toBe(0);
    edits.upsert(doc('c', '谈话', '公务用车'));
    expect(ids(edits, '公务用车')).toEqual(['c']);
  });

  it('keeps the postings of a record saved again unchanged, but its new kind', () => {
    const saves = new SearchIndex();
    saves.upsert(doc('a', '记录', '低保'));
    saves.upsert(doc('a', '记录', '低保', 'petition'));
    expect(saves.search('低保').hits.map((h) => h.kind)).toEqual(['petition']);
  });

  it('takes the last of repeated ids in a bulk load, and pages by limit', () => {
    const bulk = new SearchIndex();
    bulk.upsertMany([doc('a', '一', '低保'), doc('b', '二', '低保'), doc('a', '一', '资金')]);
    expect(ids(bulk, '低保')).toEqual(['b']);
    expect(ids(bulk, '资金')).toEqual(['a']);
    const many = new SearchIndex();
    many.upsertMany(
      Array.from({ length: 120 }, (_, i) => doc(`r${String(i).padStart(3, '0')}`, '记录', '低保')),
    );
    expect(many.search('低保')).toMatchObject({ total: 120, hits: { length: 50 } });
    expect(many.search('低保', { limit: 0 })).toEqual({ hits: [], total: 120 });
    expect(many.search('低保', { limit: 3 }).hits.map((h) => h.id)).toEqual([
      'r000',
      'r001',
      'r002',
    ]);
  });
});

describe('search posting lists', () => {
  it('keep every list exact through appends, removals and repacking', () => {
    const op = fc.oneof(
      fc.record({ push: fc.nat(5), count: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ cut: fc.nat(5), from: fc.nat(150_000), span: fc.nat(30_000) }),
      fc.constant({ reshape: true }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const arena = new PostingArena();
        const ids = Array.from({ length: 6 }, () => arena.newList());
        const model = ids.map(() => [] as number[]);
        let next = 0;
        for (const o of ops) {
          if ('push' in o) {
            for (let k = 0; k < o.count; k++) {
              arena.push(ids[o.push]!, next);
              model[o.push]!.push(next++);
            }
          } else if ('cut' in o) {
            const [from, to] = [o.from, o.from + o.span];
            arena.removeRange(ids[o.cut]!, from, to);
            model[o.cut] = model[o.cut]!.filter((v) => v < from || v >= to);
          } else arena.reshape(new Int32Array(0));
          ids.forEach((id, i) => expect([...arena.view(id)]).toEqual(model[i]));
        }
        // Holes and spare room never take more than the postings themselves, and a little.
        const live = model.reduce((sum, list) => sum + list.length, 0);
        expect(arena.bytes).toBeLessThan(4 * (2.5 * live + 70_000));
      }),
      { numRuns: 50 },
    );
  });
});
