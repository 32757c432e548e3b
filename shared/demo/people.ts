/**
 * The people of the demo: the inspection team (one laptop each) and the cast of the inspected
 * township, and the filling of text templates with their names and with numbers.
 */
import type { MemberRole } from '../domain/member.schema';
import { ROLES, DEMO_VILLAGES, type RoleKey } from './content/cast';
import { chance, int, pick, type Random } from './random';
import { GIVEN, SURNAMES, VILLAGES } from './vocabulary';

export interface TeamMember {
  readonly id: string;
  readonly deviceId: string;
  readonly name: string;
  readonly role: MemberRole;
  readonly title: string;
}

/** The team of a county inspection group: five people at scale 1. */
export const TEAM = [
  { name: '周立新', role: 'leader', title: '县纪委监委第三监督检查室主任' },
  { name: '刘晓燕', role: 'deputy', title: '县委组织部干部监督科科长' },
  { name: '王海涛', role: 'member', title: '县审计局财政审计股股长' },
  { name: '孙婧', role: 'member', title: '县委巡察办干部' },
  { name: '赵明', role: 'liaison', title: '县财政局干部' },
] as const satisfies readonly { name: string; role: MemberRole; title: string }[];

const EXTRA_TITLES = ['县纪委监委干部', '县委组织部干部', '县审计局干部', '县委巡察办干部'];

export function extraMemberTitle(random: Random): string {
  return pick(random, EXTRA_TITLES);
}

/** Makes names no one else in the case has: records are signed by name. */
export function nameMaker(random: Random, taken: Iterable<string>) {
  const used = new Set(taken);
  return () => {
    for (;;) {
      const name =
        pick(random, SURNAMES) +
        pick(random, GIVEN) +
        (chance(random, 0.6) ? pick(random, GIVEN) : '');
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export interface Person {
  readonly role: RoleKey;
  readonly name: string;
  readonly unit: string;
  readonly title: string;
  readonly political: string;
  /** The village a village cadre or villager lives in; '' for people of the town. */
  readonly village: string;
}

const VILLAGE_ROLES: ReadonlySet<RoleKey> = new Set([
  'villageSecretary',
  'villageAccountant',
  'villager',
  'parent',
]);

export function isVillageRole(role: RoleKey): boolean {
  return VILLAGE_ROLES.has(role);
}

/** The villages of the demo at a scale: its own four, then the others of the vocabulary. */
export function villagesAt(scale: number): string[] {
  const more = VILLAGES.filter((v) => !(DEMO_VILLAGES as readonly string[]).includes(v));
  const extra = Math.max(0, Math.ceil(scale) - 1) * 2;
  return [...DEMO_VILLAGES, ...more.slice(0, extra)];
}

export class Cast {
  readonly people: Person[] = [];
  constructor(private readonly newName: () => string) {}

  add(role: RoleKey, village = ''): Person {
    const r = ROLES[role];
    const person: Person = {
      role,
      name: this.newName(),
      unit: r.unit.replace('{village}', village),
      title: r.title,
      political: r.political,
      village,
    };
    this.people.push(person);
    return person;
  }

  /** The person in `role`: in `village` where the role belongs to one, else the first. */
  find(role: RoleKey, village = ''): Person | undefined {
    const all = this.people.filter((p) => p.role === role);
    return all.find((p) => p.village === village) ?? all[0];
  }

  /** The person in `role` of `village`, added when there is none yet. */
  get(role: RoleKey, village = ''): Person {
    const exact = this.people.find(
      (p) => p.role === role && (!isVillageRole(role) || p.village === village),
    );
    return exact ?? this.add(role, isVillageRole(role) ? village : '');
  }
}

/** Facts that stay the same in every record of the case. */
export interface Fixed {
  readonly year: number;
  readonly students: number;
  readonly staff: number;
  readonly cars: number;
}

/**
 * Fills `{…}` in a template: `{village}`, `{@role}` (a person of the cast, of that village
 * where it matters), and numbers and dates drawn fresh for each placeholder.
 */
export function fill(
  template: string,
  scene: { random: Random; village: string; cast: Cast; fixed: Fixed },
): string {
  const { random, village, cast, fixed } = scene;
  const numbers: Record<string, () => string> = {
    village: () => village,
    n: () => String(int(random, 3, 15)),
    m: () => String(int(random, 2, 6)),
    years: () => String(int(random, 3, 20)),
    yuan: () => String(int(random, 180, 4600) * 10),
    amount: () => (int(random, 20, 980) / 10).toFixed(1),
    big: () => String(int(random, 800, 1100)),
    year: () => String(fixed.year - int(random, 2, 6)),
    lastYear: () => String(fixed.year - 1),
    thisYear: () => String(fixed.year),
    month: () => String(int(random, 1, 12)),
    day: () => String(int(random, 1, 28)),
    students: () => String(fixed.students),
    staff: () => String(fixed.staff),
    cars: () => String(fixed.cars),
  };
  return template.replace(/\{(@?)(\w+)\}/g, (whole, at: string, key: string) => {
    if (at) {
      const role = key as RoleKey;
      if (!Object.hasOwn(ROLES, role)) throw new Error(`unknown role in ${template}`);
      return cast.get(role, village).name;
    }
    const make = Object.hasOwn(numbers, key) ? numbers[key] : undefined;
    if (!make) throw new Error(`unknown placeholder ${whole} in ${template}`);
    return make();
  });
}
