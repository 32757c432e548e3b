/**
 * What lists a 数据比对 works with, and the comparisons teams run (DESIGN §11): who receives a
 * benefit (低保, 特困, 残疾人两项补贴) against who should not (owners of vehicles, property or
 * companies, people paid from public funds, the dead, prisoners, village cadres and kin).
 */

/** Lists of people receiving a benefit: the source side of a rule. */
export const BENEFIT_KINDS = ['dibao', 'tekun', 'canbu'] as const;
/** Lists a benefit list is checked against. */
export const CHECK_KINDS = [
  'vehicle',
  'property',
  'business',
  'payroll',
  'death',
  'prison',
  'cadre',
] as const;
export const LIST_KINDS = [...BENEFIT_KINDS, ...CHECK_KINDS, 'other'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_KIND_NAMES: Record<ListKind, string> = {
  dibao: '低保对象',
  tekun: '特困人员',
  canbu: '残疾人两项补贴',
  vehicle: '车辆登记',
  property: '不动产登记',
  business: '工商登记',
  payroll: '财政供养人员',
  death: '死亡人员',
  prison: '服刑人员',
  cadre: '村（社区）干部',
  other: '其他名单',
};

/** What a hit means, by the list checked against. */
const MEANINGS: Record<(typeof CHECK_KINDS)[number], string> = {
  vehicle: '名下登记有车辆',
  property: '名下登记有房产',
  business: '登记有工商企业或个体户',
  payroll: '本人或家庭成员为财政供养人员',
  death: '本人已死亡',
  prison: '本人正在服刑',
  cadre: '本人或亲属为村（社区）干部',
};

/** Rules where a relative counts as much as the person: matched by household too. */
const BY_HOUSEHOLD: ReadonlySet<string> = new Set(['payroll', 'cadre']);

export interface PresetRule {
  readonly id: string;
  readonly source: ListKind;
  readonly target: ListKind;
  readonly meaning: string;
  readonly household: boolean;
}

/** Every benefit against every check: 低保对象 × 车辆登记 = 享受低保对象待遇但名下登记有车辆. */
export const PRESET_RULES: readonly PresetRule[] = BENEFIT_KINDS.flatMap((source) =>
  CHECK_KINDS.map((target) => ({
    id: `preset:${source}:${target}`,
    source,
    target,
    meaning: `享受${LIST_KIND_NAMES[source]}待遇但${MEANINGS[target]}`,
    household: BY_HOUSEHOLD.has(target),
  })),
);
