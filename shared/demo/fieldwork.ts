/**
 * The demo's 查阅资料, 实地走访 and 信访件, written as members write them: started on the spot,
 * completed within the hour, tagged in the evening; decisions on petitions by the 组长.
 */
import { storedForm } from './schemas';
import { addDays } from './calendar';
import { attach } from './attachments';
import { DOCS, PETITIONS, VISITS, type DocTemplate } from './content/papers';
import type { DemoContext } from './context';
import { keySentence, lineSpan, passage, wholeAttachment } from './evidence';
import { labels } from './interviews';
import type { TeamMember } from './people';
import { int, pick, shuffle } from './random';

/** Day `i` of `count` spread over days `from`–`to`, repeating the spread every `period`. */
function spread(i: number, count: number, from: number, to: number, period: number): number {
  const within = i % period;
  const n = Math.min(count, period);
  return from + Math.floor((within * (to - from + 1)) / n);
}

function workers(ctx: DemoContext): TeamMember[] {
  const others = ctx.team.filter((m) => m.role !== 'leader');
  return others.length > 0 ? others : [ctx.leader];
}

function period(ctx: DemoContext, which: DocTemplate['period']): [string, string] {
  const y = ctx.cal.year;
  if (which === 'lastYear') return [`${y - 1}-01-01`, `${y - 1}-12-31`];
  if (which === 'twoYears') return [`${y - 2}-01-01`, `${y - 1}-12-31`];
  // The school term before the team arrived.
  return [addDays(ctx.cal.date(0), -120), addDays(ctx.cal.date(0), -1)];
}

export async function writeDocReviews(ctx: DemoContext, count: number): Promise<void> {
  const { random, cal, history } = ctx;
  for (let i = 0; i < count; i++) {
    const t = DOCS[i % DOCS.length]!;
    const day = Math.min(cal.lastDay - 2, spread(i, count, 2, 18, DOCS.length));
    const village = pick(random, ctx.villages.slice(0, 3));
    const fill = (s: string) => ctx.fill(s, village);
    const reviewer = pick(random, workers(ctx));
    const lines = t.extracts.map(fill);
    const [periodFrom, periodTo] = period(ctx, t.period);
    let minute = int(random, 8 * 60 + 30, 15 * 60);
    const at = () => cal.time(day, (minute += int(random, 20, 55)));
    const created = at();
    const id = ctx.newId(created);
    const fields = storedForm('docReviews', {
      title: fill(t.title),
      kind: t.kind,
      sourceDept: fill(t.sourceDept),
      refNo: fill(t.refNo),
      periodFrom,
      periodTo,
      volume: fill(t.volume),
      reviewer: reviewer.id,
      date: cal.date(day),
      extracts: lines[0],
      observations: '',
    });
    history.create('docReviews', id, fields, reviewer, created);
    history.patch(id, { extracts: lines.join('\n') }, reviewer, at());
    if (t.about === 'mealsMisuse') {
      const scanned = await attach(
        ctx,
        { kind: 'docReviews', id },
        `凭证扫描件${i + 1}.png`,
        'scan',
        reviewer,
        at(),
      );
      if (t.about)
        ctx.evidence.add({
          ref: wholeAttachment(scanned),
          day,
          village,
          theme: t.theme,
          about: t.about,
        });
    }
    history.patch(id, { observations: fill(t.observations), ...labels([t.theme]) }, reviewer, at());
    lines.forEach((line, n) => {
      ctx.evidence.add({
        ref: passage('docReviews', id, 'extracts', lines.join('\n'), lineSpan(lines, n)),
        day,
        village,
        theme: t.theme,
        ...(t.about ? { about: t.about } : {}),
      });
    });
  }
}

export async function writeSiteVisits(ctx: DemoContext, count: number): Promise<void> {
  const { random, cal, history } = ctx;
  for (let i = 0; i < count; i++) {
    const t = VISITS[i % VISITS.length]!;
    const day = Math.min(cal.lastDay - 2, spread(i, count, 3, 19, VISITS.length));
    const village = pick(random, ctx.villages.slice(0, 3));
    const fill = (s: string) => ctx.fill(s, village);
    const [author, partner] = shuffle(random, workers(ctx));
    const participants = [author!, ...(partner ? [partner] : [])];
    const lines = t.observations.map(fill);
    let minute = t.place.includes('午餐') ? 12 * 60 + 20 : int(random, 9 * 60, 16 * 60);
    const at = () => cal.time(day, (minute += int(random, 15, 50)));
    const created = at();
    const id = ctx.newId(created);
    const fields = storedForm('siteVisits', {
      place: fill(t.place),
      date: cal.date(day),
      unannounced: t.unannounced,
      participants: participants.map((m) => m.id),
      peopleMet: fill(t.peopleMet),
      observations: lines[0],
    });
    history.create('siteVisits', id, fields, author!, created);
    history.patch(id, { observations: lines.join('\n') }, author!, at());
    if (t.photo) {
      const photo = await attach(
        ctx,
        { kind: 'siteVisits', id },
        t.photo.name,
        t.photo.scene,
        author!,
        at(),
      );
      if (t.about)
        ctx.evidence.add({
          ref: wholeAttachment(photo),
          day,
          village,
          theme: t.theme,
          about: t.about,
        });
    }
    const evening = cal.time(day, int(random, 19 * 60 + 30, 21 * 60 + 30));
    history.patch(id, labels([t.theme]), author!, evening);
    lines.forEach((line, n) => {
      ctx.evidence.add({
        ref: passage('siteVisits', id, 'observations', lines.join('\n'), lineSpan(lines, n)),
        day,
        village,
        theme: t.theme,
        ...(t.about ? { about: t.about } : {}),
      });
    });
  }
}

export function writePetitions(ctx: DemoContext, count: number): void {
  const { random, cal, history } = ctx;
  const receiver = ctx.team.find((m) => m.role === 'liaison') ?? pick(random, workers(ctx));
  for (let i = 0; i < count; i++) {
    const t = PETITIONS[i % PETITIONS.length]!;
    const day = Math.min(cal.lastDay - 3, spread(i, count, 1, 15, PETITIONS.length));
    const village = pick(random, ctx.villages.slice(0, 3));
    const fill = (s: string) => ctx.fill(s, village);
    const reporter = t.anonymous ? undefined : ctx.cast.add(t.reporter ?? 'villager', village);
    const created = cal.time(day, int(random, 8 * 60 + 30, 17 * 60));
    const id = ctx.newId(created);
    const summary = fill(t.summary);
    const fields = storedForm('petitions', {
      channel: t.channel,
      receivedDate: cal.date(day),
      anonymous: t.anonymous,
      reporterName: reporter?.name ?? '',
      reporterContact: reporter ? contact(ctx) : '',
      subject: fill(t.subject),
      summary,
      category: t.category,
      status: 'registered',
      handlingNote: '',
    });
    history.create('petitions', id, fields, receiver, created);
    // The 组长 decides what becomes of it, the next day or the one after.
    const decided = cal.time(day + int(random, 1, 2), int(random, 8 * 60, 9 * 60));
    const decider = t.status === 'registered' ? receiver : ctx.leader;
    history.patch(
      id,
      { status: t.status, handlingNote: fill(t.handlingNote), ...labels([t.theme]) },
      decider,
      decided,
    );
    ctx.evidence.add({
      ref: passage('petitions', id, 'summary', summary, keySentence(summary)),
      day,
      village,
      theme: t.theme,
      ...(t.about ? { about: t.about } : {}),
    });
  }
}

/** A telephone number as the register writes it, partly masked. */
function contact(ctx: DemoContext): string {
  const digits = (n: number) => Array.from({ length: n }, () => int(ctx.random, 0, 9)).join('');
  return `电话 1${pick(ctx.random, ['35', '38', '39', '58', '87'])}****${digits(4)}`;
}
