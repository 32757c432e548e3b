/**
 * The focus areas of an inspection: the 三个聚焦 of 市县巡察, plus the supervision of the
 * "一把手" and the leading group (五个强化) and the rectification of earlier inspections. This tree
 * is the one place it is written down; records and findings store the codes, never the labels,
 * so a wording change here changes every screen and report at once.
 *
 * Codes are stable identifiers: never reuse or renumber one. Add new items at the end of their
 * parent; retire an item by keeping it with `retired: true` so old records still show a label.
 */
export interface FocusNode {
  readonly code: string;
  readonly label: string;
  /** Short form for tags and narrow columns. */
  readonly short: string;
  readonly children?: readonly FocusNode[];
  readonly retired?: boolean;
}

export const FOCUS_TREE: readonly FocusNode[] = [
  {
    code: 'policy',
    label: '聚焦贯彻落实党的路线方针政策和党中央决策部署',
    short: '贯彻落实',
    children: [
      {
        code: 'policy.theory',
        label: '学习贯彻习近平新时代中国特色社会主义思想',
        short: '理论学习',
      },
      { code: 'policy.decisions', label: '落实党中央和上级党委重大决策部署', short: '决策部署' },
      { code: 'policy.duties', label: '履行职能责任、推动高质量发展', short: '职能责任' },
      { code: 'policy.ideology', label: '落实意识形态工作责任制', short: '意识形态' },
      { code: 'policy.risks', label: '防范化解重大风险', short: '风险防范' },
    ],
  },
  {
    code: 'people',
    label: '聚焦群众身边腐败问题和不正之风',
    short: '群众身边',
    children: [
      { code: 'people.welfare', label: '惠民富民政策落实和民生资金管理', short: '民生资金' },
      { code: 'people.assets', label: '集体“三资”管理', short: '三资管理' },
      { code: 'people.projects', label: '工程建设和招标投标', short: '工程招投标' },
      { code: 'people.eightRules', label: '违反中央八项规定精神', short: '八项规定' },
      { code: 'people.formalism', label: '形式主义、官僚主义', short: '四风问题' },
      { code: 'people.pettyPower', label: '“小微权力”腐败和吃拿卡要', short: '小微权力' },
    ],
  },
  {
    code: 'party',
    label: '聚焦基层党组织建设',
    short: '党组织建设',
    children: [
      { code: 'party.leadership', label: '党组织领导作用和领导班子建设', short: '班子建设' },
      {
        code: 'party.responsibility',
        label: '落实全面从严治党主体责任和监督责任',
        short: '两个责任',
      },
      { code: 'party.cadres', label: '干部队伍建设和选人用人', short: '选人用人' },
      { code: 'party.orgLife', label: '“三会一课”、组织生活会等组织生活制度', short: '组织生活' },
      { code: 'party.members', label: '党员教育管理监督', short: '党员管理' },
    ],
  },
  {
    code: 'leaders',
    label: '“一把手”和领导班子监督（五个强化）',
    short: '一把手和班子',
    children: [
      { code: 'leaders.loyalty', label: '强化政治忠诚', short: '政治忠诚' },
      { code: 'leaders.commitment', label: '强化政治担当', short: '政治担当' },
      { code: 'leaders.responsibility', label: '强化政治责任', short: '政治责任' },
      { code: 'leaders.capability', label: '强化政治能力', short: '政治能力' },
      { code: 'leaders.discipline', label: '强化政治自律', short: '政治自律' },
    ],
  },
  {
    code: 'rectify',
    label: '巡视巡察整改和其他监督发现问题整改',
    short: '整改落实',
    children: [
      { code: 'rectify.lastRound', label: '上一轮巡视巡察反馈问题整改', short: '上轮整改' },
      {
        code: 'rectify.otherSupervision',
        label: '审计等其他监督发现问题整改',
        short: '其他监督整改',
      },
      { code: 'rectify.mechanisms', label: '建立健全长效机制', short: '长效机制' },
    ],
  },
];

const byCode = new Map<string, { node: FocusNode; parent?: FocusNode }>();
for (const top of FOCUS_TREE) {
  byCode.set(top.code, { node: top });
  for (const child of top.children ?? []) byCode.set(child.code, { node: child, parent: top });
}

export function isFocusCode(code: string): boolean {
  return byCode.has(code);
}

export function focusNode(code: string): FocusNode | undefined {
  return byCode.get(code)?.node;
}

/** The top-level area a code belongs to (itself for a top-level code). */
export function focusArea(code: string): FocusNode | undefined {
  const entry = byCode.get(code);
  return entry?.parent ?? entry?.node;
}

/** "群众身边 · 八项规定": a label that says where in the tree an item sits. */
export function focusPath(code: string): string {
  const entry = byCode.get(code);
  if (!entry) return code;
  return entry.parent ? `${entry.parent.short} · ${entry.node.short}` : entry.node.short;
}

/** Every code in tree order: top-level area, then its items. */
export const FOCUS_CODES: readonly string[] = [...byCode.keys()];
