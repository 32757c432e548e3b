/**
 * The demo's 谈话记录: who is talked to, in what order over the weeks, and how each record grows
 * on the recorder's laptop while the talk goes on (created at the start, turns added as they
 * are said, tagged and confirmed after the interviewee has read it).
 */
import { elementPath } from '../domain/collections';
import { firstPositions } from '../domain/order';
import type { Patch } from '../domain/record';
import { storedForm } from './schemas';
import type { InterviewKind, Turn } from '../domain/records/interview.schema';
import { clockTime } from './calendar';
import {
  ROLES,
  THEME_FOCUS,
  THEME_TAGS,
  THEME_TOPICS,
  type RoleKey,
  type Theme,
} from './content/cast';
import {
  CLOSING,
  EXCHANGES,
  INTRO_Q,
  INTRO_Q_PUBLIC,
  OPENING,
  OPENING_PUBLIC,
  SIGN,
  type Exchange,
} from './content/talks';
import type { DemoContext } from './context';
import { keySentence, passage } from './evidence';
import { isVillageRole, type Person, type TeamMember } from './people';
import { chance, int, pick, shuffle } from './random';

interface Talk {
  readonly role: RoleKey;
  readonly kind: InterviewKind;
  /** For village roles: which of the case's villages (index). */
  readonly village?: number;
  /** A 集体谈 with this many people of the role. */
  readonly group?: number;
}

/**
 * Thirty talks, in the order a team holds them: the 一把手 first, then the leading group, the
 * offices, the school, the villages, and second talks where something came up.
 */
const TALKS: readonly Talk[] = [
  { role: 'secretary', kind: 'oneOnOne' },
  { role: 'mayor', kind: 'individual' },
  { role: 'deputySecretary', kind: 'individual' },
  { role: 'disciplineSecretary', kind: 'individual' },
  { role: 'viceMayor', kind: 'individual' },
  { role: 'viceMayorBuild', kind: 'individual' },
  { role: 'officeDirector', kind: 'individual' },
  { role: 'financeHead', kind: 'individual' },
  { role: 'welfareDirector', kind: 'individual' },
  { role: 'buildDirector', kind: 'individual' },
  { role: 'principal', kind: 'individual' },
  { role: 'logistics', kind: 'individual' },
  { role: 'accountant', kind: 'individual' },
  { role: 'canteen', kind: 'individual' },
  { role: 'teacher', kind: 'group', group: 3 },
  { role: 'parent', kind: 'extended', village: 3 },
  { role: 'driver', kind: 'individual' },
  { role: 'villageSecretary', kind: 'individual', village: 0 },
  { role: 'villageAccountant', kind: 'individual', village: 0 },
  { role: 'villager', kind: 'extended', village: 0 },
  { role: 'villageSecretary', kind: 'individual', village: 1 },
  { role: 'villager', kind: 'extended', village: 1 },
  { role: 'villageSecretary', kind: 'individual', village: 2 },
  { role: 'villager', kind: 'extended', village: 2 },
  { role: 'retired', kind: 'individual' },
  { role: 'logistics', kind: 'special' },
  { role: 'welfareDirector', kind: 'special' },
  { role: 'buildDirector', kind: 'special' },
  { role: 'driver', kind: 'special' },
  { role: 'secretary', kind: 'oneOnOne' },
];

export function writeInterviews(ctx: DemoContext, count: number): void {
  const perRound = TALKS.length;
  // What was asked of each person already: a second talk asks about other things.
  const asked = new Map<Person, Set<Exchange>>();
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / perRound);
    const talk = TALKS[i % perRound]!;
    // Each round of talks spreads over days 1–18 of the inspection, in the plan's order.
    const place = (i % perRound) / perRound;
    const day = Math.min(ctx.cal.lastDay - 2, 1 + Math.floor(place * 18));
    writeInterview(ctx, talk, round, day, asked);
  }
}

function villageOf(ctx: DemoContext, talk: Talk, round: number): string {
  if (talk.village === undefined) return pick(ctx.random, ctx.villages.slice(0, 3));
  // Later rounds talk to the cadres and villagers of further villages.
  const index = talk.village + round * 4;
  return ctx.villages[index % ctx.villages.length]!;
}

function interviewers(ctx: DemoContext, role: RoleKey): [TeamMember, TeamMember] {
  const deputy = ctx.team.find((m) => m.role === 'deputy') ?? ctx.leader;
  const others = ctx.team.filter((m) => m.role !== 'leader' && m.role !== 'deputy');
  if (role === 'secretary' || role === 'mayor') return [ctx.leader, deputy];
  const lead = chance(ctx.random, 0.5) ? ctx.leader : deputy;
  return [lead, pick(ctx.random, others.length > 0 ? others : [deputy])];
}

function chooseExchanges(
  ctx: DemoContext,
  person: Person,
  asked: Map<Person, Set<Exchange>>,
): Exchange[] {
  const done = asked.get(person) ?? new Set<Exchange>();
  asked.set(person, done);
  const suits = EXCHANGES.filter((e) => e.who.includes(person.role));
  const fresh = suits.filter((e) => !done.has(e));
  const pool = fresh.length >= 2 ? fresh : suits;
  // Facts first: talks are held to find things out.
  const ordered = [
    ...shuffle(
      ctx.random,
      pool.filter((e) => e.about),
    ),
    ...shuffle(
      ctx.random,
      pool.filter((e) => !e.about),
    ),
  ];
  const chosen = ordered.slice(0, int(ctx.random, 3, 5));
  for (const e of chosen) done.add(e);
  // Asked in the order of the outline: by theme, as the exchanges are listed.
  return chosen.sort((a, b) => EXCHANGES.indexOf(a) - EXCHANGES.indexOf(b));
}

interface Said {
  readonly speaker: 'q' | 'a';
  readonly text: string;
  readonly exchange?: Exchange;
}

function writeInterview(
  ctx: DemoContext,
  talk: Talk,
  round: number,
  day: number,
  asked: Map<Person, Set<Exchange>>,
): void {
  const { random, cast, history, cal } = ctx;
  const village = villageOf(ctx, talk, round);
  const fill = (t: string) => ctx.fill(t, village);
  const people =
    talk.group !== undefined
      ? groupOf(ctx, talk.role, talk.group)
      : [cast.get(talk.role, isVillageRole(talk.role) ? village : '')];
  const main = people[0]!;
  const exchanges = chooseExchanges(ctx, main, asked);
  const themes = [...new Set(exchanges.map((e) => e.theme))];
  const [lead, second] = interviewers(ctx, talk.role);
  const recorder = second;
  const confirmed = day < cal.lastDay - 3 ? chance(random, 0.92) : chance(random, 0.3);

  // What is said, in order, grouped by when the recorder saves it.
  const official = ROLES[talk.role].political === '中共党员' && talk.role !== 'villager';
  const greeting = talk.kind === 'extended' ? OPENING_PUBLIC : OPENING;
  const opening: Said[] = [
    { speaker: 'q', text: pick(random, greeting.q) },
    { speaker: 'a', text: pick(random, greeting.a) },
  ];
  const intro: Said[] = [
    { speaker: 'q', text: pick(random, official ? INTRO_Q : INTRO_Q_PUBLIC) },
    { speaker: 'a', text: fill(pick(random, ROLES[talk.role].intro)) },
  ];
  const body: Said[][] = exchanges.map((exchange) => [
    { speaker: 'q', text: fill(pick(random, exchange.q)) },
    { speaker: 'a', text: fill(pick(random, exchange.a)), exchange },
  ]);
  const closing: Said[] = [
    { speaker: 'q', text: pick(random, CLOSING.q) },
    { speaker: 'a', text: pick(random, CLOSING.a) },
    ...(confirmed
      ? ([
          { speaker: 'q', text: pick(random, SIGN.q) },
          { speaker: 'a', text: pick(random, SIGN.a) },
        ] as const)
      : []),
  ];
  const groups = [opening, intro, ...body, closing];
  const positions = firstPositions(groups.flat().length);

  const start = pick(random, [8 * 60 + 30, 9 * 60 + 30, 10 * 60 + 30, 14 * 60 + 30, 15 * 60 + 30]);
  let minute = start;
  const writes: { at: string; turns: { turn: Turn; said: Said }[] }[] = [];
  let n = 0;
  for (const group of groups) {
    const at = cal.time(day, minute);
    writes.push({
      at,
      turns: group.map((said) => ({
        turn: { id: ctx.newId(at), pos: positions[n++]!, speaker: said.speaker, text: said.text },
        said,
      })),
    });
    minute += int(random, 6, 16);
  }
  const end = minute + int(random, 2, 6);

  const first = writes[0]!;
  const id = ctx.newId(first.at);
  const fields = storedForm('interviews', {
    kind: talk.kind,
    date: cal.date(day),
    startTime: clockTime(start),
    endTime: '',
    place: placeOf(talk.role, village),
    interviewers: [lead.id, second.id],
    recorder: recorder.id,
    interviewees: people.map((p) => ({
      name: p.name,
      unit: p.unit,
      title: p.title,
      political: p.political,
    })),
    topics: themes.flatMap((t) => THEME_TOPICS[t].slice(0, int(random, 1, 2))),
    turns: first.turns.map((t) => t.turn),
    confirmed: false,
    focus: [],
    tags: [],
  });
  history.create('interviews', id, fields, recorder, first.at);
  writes.slice(1).forEach((w, i) => {
    const patch: Patch = Object.fromEntries(
      w.turns.map(({ turn }) => [elementPath('turns', turn.id), turn]),
    );
    const last = i === writes.length - 2;
    const at = last ? cal.time(day, end) : w.at;
    history.patch(id, last ? { ...patch, endTime: clockTime(end) } : patch, recorder, at);
  });

  // That evening: what the talk was about, and the interviewee's signature.
  const evening = cal.time(day, int(random, 19 * 60, 21 * 60 + 30));
  history.patch(
    id,
    { ...labels(themes), ...(confirmed ? { confirmed: true } : {}) },
    recorder,
    evening,
  );
  // The 组长 marks some talks for the team meeting, on their own laptop.
  if (day + 1 <= cal.lastDay && chance(random, 0.25)) {
    history.patch(
      id,
      { [elementPath('tags', '重点')]: '重点' },
      ctx.leader,
      cal.time(day + 1, 8 * 60 + int(random, 0, 50)),
    );
  }

  for (const w of writes) {
    for (const { turn, said } of w.turns) {
      if (said.speaker !== 'a' || !said.exchange) continue;
      ctx.evidence.add({
        ref: passage('interviews', id, 'turns', turn.text, keySentence(turn.text), turn.id),
        day,
        village,
        theme: said.exchange.theme,
        ...(said.exchange.about ? { about: said.exchange.about } : {}),
      });
    }
  }
}

function groupOf(ctx: DemoContext, role: RoleKey, size: number): Person[] {
  const have = ctx.cast.people.filter((p) => p.role === role);
  while (have.length < size) have.push(ctx.cast.add(role));
  return have.slice(0, size);
}

function placeOf(role: RoleKey, village: string): string {
  if (isVillageRole(role)) return `${village}村委会办公室`;
  if (['principal', 'logistics', 'canteen', 'teacher'].includes(role))
    return '石桥镇中心学校小会议室';
  return '巡察组谈话室（石桥镇政府三楼）';
}

/** The tag and focus elements a record about `themes` gets. */
export function labels(themes: readonly Theme[]): Patch {
  const patch: Record<string, string> = {};
  for (const theme of themes) {
    for (const tag of THEME_TAGS[theme]) patch[elementPath('tags', tag)] = tag;
    patch[elementPath('focus', THEME_FOCUS[theme])] = THEME_FOCUS[theme];
  }
  return patch;
}
