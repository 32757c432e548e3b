/**
 * 数据比对 on this laptop: lists kept with their rows as files (read once, never changed), rules,
 * and the 疑点 each run finds, reconciled with the last run by key so a 核实 already recorded
 * stays with its hit. Matching itself is pure (shared/domain/compare/match.ts) and runs off the
 * main thread; here are only the reads and writes, through the write path like every record.
 */
import { ulid } from 'ulid';
import { maskId } from '../../shared/domain/compare/idNumber';
import { PRESET_RULES } from '../../shared/domain/compare/kinds';
import type { Match } from '../../shared/domain/compare/match';
import type { ListRow } from '../../shared/domain/compare/rows';
import {
  HIT_FIXED,
  hitFields,
  listFields,
  ruleFields,
  type HitFields,
  type HitRecord,
  type ListFields,
  type ListRecord,
  type RuleFields,
  type RuleRecord,
} from '../../shared/domain/compare/compare.schema';
import { clueFields, type ClueRecord } from '../../shared/domain/findings/clue.schema';
import {
  findingFields,
  type EvidenceRef,
  type FindingRecord,
} from '../../shared/domain/findings/finding.schema';
import { positionAfter } from '../../shared/domain/order';
import type { Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import { COLLECTIONS } from '../../shared/domain/tables';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { StoredBlob, WorkbenchDB } from './database';
import { openBlob, storable } from './atRest';
import { sha256Hex } from './hash';
import type { Actor, WritePath } from './write';

const t = zh.compare;

/** Rows per file: small enough to read one at a time, few enough to keep a list in few rows. */
export const ROWS_PER_PART = 20_000;

export type NewList = Omit<ListFields, 'rows' | 'problems' | 'duplicates' | 'parts' | 'importedAt'>;

/** The counts a list shows: numbers that cannot be read, and numbers found twice or more. */
export function listCounts(rows: readonly ListRow[]) {
  const seen = new Set<string>();
  const twice = new Set<string>();
  let problems = 0;
  for (const row of rows) {
    // A blank number counts where the row names someone: a person who cannot be compared.
    if (row.problem && (row.problem !== 'empty' || row.name)) problems += 1;
    if (!row.id) continue;
    if (seen.has(row.id)) twice.add(row.id);
    seen.add(row.id);
  }
  return { problems, duplicates: twice.size };
}

/** A row as evidence quotes it: never the full number. */
export function rowExcerpt(list: Pick<ListFields, 'name' | 'fileName'>, row: ListRow): string {
  const who = [row.name, row.id ? maskId(row.id) : row.raw && maskId(row.raw)].filter(Boolean);
  return `${list.name || list.fileName} 第${row.n}行：${who.join(' ')}`;
}

export function compareRepository(db: WorkbenchDB, w: WritePath) {
  const scope = () =>
    [
      ...w.scope('compareLists', 'compareRules', 'compareHits', 'findings', 'clues', 'members'),
      db.blobs,
    ] as const;
  const readable = (row: StoredBlob) => openBlob(db.keys, row);
  const live = async <T extends { deleted?: boolean }>(rows: Promise<T[]>) =>
    (await rows).filter((r) => !r.deleted);

  async function rowsOf(list: Pick<ListFields, 'parts'>): Promise<ListRow[]> {
    const blobs = await db.blobs.bulkGet(list.parts.map((p) => p.sha256));
    const out: ListRow[] = [];
    for (const stored of blobs) {
      // A part whose bytes have not reached this laptop: its rows are not here to compare.
      if (!stored) continue;
      for (const line of (await (await readable(stored)).text()).split('\n')) {
        if (line) out.push(JSON.parse(line) as ListRow);
      }
    }
    return out;
  }

  async function evidenceFor(hits: readonly HitRecord[]): Promise<EvidenceRef[]> {
    const refs: EvidenceRef[] = [];
    const rowsByList = new Map<string, { list: ListRecord; rows: Map<number, ListRow> } | null>();
    const rowAt = async (listId: string, n: number) => {
      if (!rowsByList.has(listId)) {
        const list = await db.compareLists.get(listId);
        rowsByList.set(
          listId,
          list ? { list, rows: new Map((await rowsOf(list)).map((r) => [r.n, r])) } : null,
        );
      }
      const found = rowsByList.get(listId);
      const row = found?.rows.get(n);
      return found && row ? rowExcerpt(found.list, row) : '';
    };
    for (const hit of hits) {
      for (const [listId, n] of [
        [hit.sourceListId, hit.sourceRow],
        [hit.targetListId, hit.targetRow],
      ] as const) {
        const excerpt = await rowAt(listId, n);
        refs.push({
          kind: 'compareLists',
          recordId: listId,
          field: '',
          turnId: '',
          start: n,
          end: n,
          excerpt,
        });
      }
    }
    return refs;
  }

  async function chosen(ids: readonly string[]): Promise<HitRecord[]> {
    const hits = (await db.compareHits.bulkGet([...ids])).filter(
      (h): h is HitRecord => h !== undefined && !h.deleted,
    );
    if (hits.length === 0 || hits.some((h) => h.status !== 'true'))
      throw new ValidationError({ status: t.onlyTrue });
    return hits;
  }

  return {
    /**
     * Keeps a list: its rows as files (hashed before the transaction: IndexedDB commits a
     * transaction left waiting), the record naming them; `replaces` a list it supersedes.
     */
    async addList(
      caseId: string,
      input: NewList,
      rows: readonly ListRow[],
      actor: Actor,
      replaces?: string,
    ): Promise<ListRecord> {
      const parts: { sha256: string; rows: number; blob: Blob }[] = [];
      for (let i = 0; i < rows.length; i += ROWS_PER_PART) {
        const slice = rows.slice(i, i + ROWS_PER_PART);
        const blob = new Blob([slice.map((r) => JSON.stringify(r)).join('\n') + '\n'], {
          type: 'application/x-ndjson',
        });
        parts.push({ sha256: await sha256Hex(blob), rows: slice.length, blob });
      }
      const fields = parseOrThrow(listFields, {
        ...input,
        importedAt: new Date().toISOString(),
        rows: rows.length,
        ...listCounts(rows),
        parts: parts.map(({ sha256, rows: n }) => ({ sha256, rows: n })),
      });
      const files = await storable(db.keys, parts); // before the transaction, as reading ends it
      return db.transaction('rw', [...scope()], async () => {
        for (const [i, p] of files.entries()) {
          if (!(await db.blobs.get(p.sha256)))
            await db.blobs.add({ sha256: p.sha256, size: parts[i]!.blob.size, blob: p.blob });
        }
        if (replaces) await w.remove('compareLists', replaces, actor);
        return w.insert('compareLists', { id: ulid(), caseId }, fields, actor);
      });
    },

    async lists(caseId: string): Promise<ListRecord[]> {
      return live(db.compareLists.where('caseId').equals(caseId).toArray());
    },

    /** Every list's name by id, replaced and removed ones too: 疑点 still point at their rows. */
    async listNames(caseId: string): Promise<Map<string, string>> {
      const all = await db.compareLists.where('caseId').equals(caseId).toArray();
      return new Map(all.map((l) => [l.id, l.name || l.fileName]));
    },

    rowsOf,

    /** One row of a list by its row number, with the list's headers; reads only up to it. */
    async rowAt(listId: string, n: number): Promise<{ list: ListRecord; row: ListRow } | null> {
      const list = await db.compareLists.get(listId);
      if (!list) return null;
      for (const part of list.parts) {
        const stored = await db.blobs.get(part.sha256);
        if (!stored) continue;
        for (const line of (await (await readable(stored)).text()).split('\n')) {
          if (!line) continue;
          const row = JSON.parse(line) as ListRow;
          if (row.n === n) return { list, row };
          if (row.n > n) return null;
        }
      }
      return null;
    },

    /** The files holding a list's rows, for the worker to read (those on this laptop). */
    async partsOf(list: Pick<ListFields, 'parts'>): Promise<Blob[]> {
      const blobs = await db.blobs.bulkGet(list.parts.map((p) => p.sha256));
      return Promise.all(blobs.flatMap((b) => (b ? [readable(b)] : [])));
    },

    /** The columns last mapped for a kind of list, by header: offered for the next one. */
    async rememberedMapping(kind: string): Promise<Record<string, string>> {
      const row = await db.settings.get(`compareMapping:${kind}`);
      return row ? (JSON.parse(row.value) as Record<string, string>) : {};
    },

    async rememberMapping(kind: string, byHeader: Record<string, string>): Promise<void> {
      await db.settings.put({ key: `compareMapping:${kind}`, value: JSON.stringify(byHeader) });
    },

    async removeList(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [...scope()], async () => w.remove('compareLists', id, actor));
    },

    /** A rule from a preset (PRESET_RULES) or written by the team. */
    async addRule(caseId: string, init: Partial<RuleFields>, actor: Actor): Promise<RuleRecord> {
      const preset = PRESET_RULES.find((p) => p.id === init.preset);
      const fields = parseOrThrow(
        ruleFields,
        preset
          ? {
              source: preset.source,
              target: preset.target,
              meaning: preset.meaning,
              household: preset.household,
              preset: preset.id,
              ...init,
            }
          : init,
      );
      return db.transaction('rw', [...scope()], async () =>
        w.insert('compareRules', { id: ulid(), caseId }, fields, actor),
      );
    },

    async rules(caseId: string): Promise<RuleRecord[]> {
      return live(db.compareRules.where('caseId').equals(caseId).toArray());
    },

    getRule: (id: string) => db.compareRules.get(id),

    async patchRule(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: RuleRecord; refused: FieldErrors }> {
      return db.transaction('rw', [...scope()], async () => {
        const current = await w.getLive<RuleFields>('compareRules', id);
        const { accepted, refused } = splitPatch(
          ruleFields.shape,
          patch,
          current,
          COLLECTIONS.compareRules,
        );
        const record = await w.update<RuleFields>('compareRules', id, accepted, actor);
        return { record, refused };
      });
    },

    async removeRule(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [...scope()], async () => w.remove('compareRules', id, actor));
    },

    /**
     * Keeps what a run of `ruleId` found: a hit seen before (same key) keeps its 疑点编号 and its
     * 核实 and follows its rows; a new one is numbered after the case's last; one not found
     * again is marked gone, never dropped. Says what changed since the last run.
     */
    async saveRun(
      caseId: string,
      ruleId: string,
      matches: readonly Match[],
      actor: Actor,
    ): Promise<{ added: number; gone: number; kept: number; exempted: number }> {
      return db.transaction('rw', [...scope()], async () => {
        const rule = await w.getLive<RuleFields>('compareRules', ruleId);
        const all = await db.compareHits.where('caseId').equals(caseId).toArray();
        const before = new Map(
          all.filter((h) => h.ruleId === ruleId && !h.deleted).map((h) => [h.key, h]),
        );
        let no = all.reduce((max, h) => Math.max(max, h.no), 0);
        let added = 0;
        let kept = 0;
        let exempted = 0;
        const found = new Set<string>();
        for (const m of matches) {
          if (found.has(m.key)) continue;
          found.add(m.key);
          if (m.exemption) exempted += 1;
          const place = {
            way: m.way,
            sourceListId: m.source.listId,
            sourceRow: m.source.row.n,
            targetListId: m.target.listId,
            targetRow: m.target.row.n,
            exempted: m.exemption?.reason ?? '',
            gone: false,
          };
          const old = before.get(m.key);
          if (old) {
            kept += 1;
            const changed = Object.entries(place).filter(
              ([k, v]) => (old as unknown as Record<string, unknown>)[k] !== v,
            );
            if (changed.length > 0)
              await w.update<HitFields>('compareHits', old.id, Object.fromEntries(changed), actor);
            continue;
          }
          added += 1;
          no += 1;
          const row = m.source.row;
          const fields = parseOrThrow(hitFields, {
            key: m.key,
            ruleId,
            no,
            ...place,
            name: row.name.slice(0, 100),
            idNumber: row.id || row.raw.slice(0, 40),
            householder: row.householder.slice(0, 100),
            relation: row.relation.slice(0, 50),
            description: rule.meaning,
          });
          await w.insert('compareHits', { id: ulid(), caseId }, fields, actor);
        }
        let gone = 0;
        for (const [key, old] of before) {
          if (found.has(key) || old.gone) continue;
          gone += 1;
          await w.update<HitFields>('compareHits', old.id, { gone: true }, actor);
        }
        return { added, gone, kept, exempted };
      });
    },

    async hits(caseId: string): Promise<HitRecord[]> {
      return (await live(db.compareHits.where('caseId').equals(caseId).toArray())).sort(
        (a, b) => a.no - b.no,
      );
    },

    getHit: (id: string) => db.compareHits.get(id),

    /** Records the 核实 (autosaved); who verified defaults to the member writing it. */
    async patchHit(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: HitRecord; refused: FieldErrors }> {
      return db.transaction('rw', [...scope()], async () => {
        const current = await w.getLive<HitFields>('compareHits', id);
        const editable: Record<string, unknown> = {};
        const fixed: Record<string, string> = {};
        for (const [path, value] of Object.entries(patch)) {
          if (HIT_FIXED.has(path)) fixed[path] = t.fixed;
          else editable[path] = value;
        }
        if ('status' in editable && !current.verifiedBy && !('verifiedBy' in editable))
          editable.verifiedBy = actor.memberId;
        const split = splitPatch(hitFields.shape, editable, current, COLLECTIONS.compareHits);
        const record = await w.update<HitFields>('compareHits', id, split.accepted, actor);
        return { record, refused: { ...split.refused, ...fixed } };
      });
    },

    /** 属实 疑点 become one clue about the person, both rows of each as evidence. */
    async toClue(ids: readonly string[], actor: Actor): Promise<ClueRecord> {
      const hits = await chosen(ids);
      const evidence = await evidenceFor(hits);
      return db.transaction('rw', [...scope()], async () => {
        const first = hits[0]!;
        const fields = parseOrThrow(clueFields, {
          subjectName: first.name,
          allegation: hits.map((h) => `${h.name}：${h.description}`).join('\n'),
          source: 'comparison',
          evidence,
        });
        const clue = await w.insert<typeof fields>(
          'clues',
          { id: ulid(), caseId: first.caseId },
          fields,
          actor,
        );
        for (const h of hits)
          await w.update<HitFields>('compareHits', h.id, { clueId: clue.id }, actor);
        return clue;
      });
    },

    /** 属实 疑点 become one draft finding, both rows of each as evidence. */
    async toFinding(ids: readonly string[], actor: Actor): Promise<FindingRecord> {
      const hits = await chosen(ids);
      const evidence = await evidenceFor(hits);
      return db.transaction('rw', [...scope()], async () => {
        const first = hits[0]!;
        const orders = (await db.findings.where('caseId').equals(first.caseId).toArray())
          .map((f) => f.order)
          .sort();
        const fields = parseOrThrow(findingFields, {
          title: t.findingTitle(first.description, hits.length).slice(0, 200),
          description: hits.map((h) => `${h.name}：${h.description}`).join('\n'),
          category: 'people.welfare',
          order: positionAfter(orders),
          evidence: evidence.slice(0, 500),
        });
        const finding = await w.insert<typeof fields>(
          'findings',
          { id: ulid(), caseId: first.caseId },
          fields,
          actor,
        );
        for (const h of hits)
          await w.update<HitFields>('compareHits', h.id, { findingId: finding.id }, actor);
        return finding;
      });
    },
  };
}

export type CompareRepository = ReturnType<typeof compareRepository>;
