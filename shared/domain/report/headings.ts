/**
 * The headings of 二、发现的主要问题, in the two schemes the report may use (DESIGN §9), and which
 * finding goes under which: a finding's category (a focus-tree code) decides its heading. This
 * is the one place the mapping lives; the report page and every document read it from here.
 */
import { FOCUS_TREE, focusArea, focusNode } from '../focus';
import type { ReportScheme } from '../case.schema';

export interface Heading {
  /** Stable key: the 组长's wording of a heading is stored under it (case.headingTexts). */
  readonly key: string;
  readonly text: string;
  /** Focus codes (items or whole areas) whose findings go under this heading. */
  readonly codes: readonly string[];
}

/** "聚焦基层党组织建设" is written "基层党组织建设" as a heading: the scheme names the 聚焦. */
const focusHeading = (code: string, codes: readonly string[]): Heading => {
  const label = FOCUS_TREE.find((n) => n.code === code)?.label ?? code;
  return { key: code, text: label.replace(/^聚焦/, ''), codes };
};

export const SCHEMES: Readonly<Record<ReportScheme, readonly Heading[]>> = {
  // The 一把手 and 班子 (五个强化) are written under 基层党组织建设, as county reports do; the
  // rectification of earlier rounds has no heading of its own in this scheme.
  focus: [
    focusHeading('policy', ['policy']),
    focusHeading('people', ['people']),
    focusHeading('party', ['party', 'leaders']),
  ],
  implement: [
    {
      key: 'implement.policy',
      text: '落实党的路线方针政策和上级决策部署',
      codes: ['policy', 'people.welfare'],
    },
    {
      key: 'implement.discipline',
      text: '落实全面从严治党战略部署',
      codes: ['people', 'party.responsibility', 'leaders'],
    },
    {
      key: 'implement.organization',
      text: '落实新时代党的组织路线',
      codes: ['party'],
    },
    {
      key: 'implement.rectify',
      text: '落实巡视巡察、审计等监督发现问题整改',
      codes: ['rectify'],
    },
  ],
};

/** The heading a category goes under in `scheme`: an item's own entry wins over its area's. */
export function headingOf(scheme: ReportScheme, category: string): Heading | undefined {
  if (!focusNode(category)) return undefined;
  const headings = SCHEMES[scheme];
  return (
    headings.find((h) => h.codes.includes(category)) ??
    headings.find((h) => h.codes.includes(focusArea(category)?.code ?? ''))
  );
}

/** The heading as the report prints it: the 组长's wording where there is one. */
export function headingText(heading: Heading, texts: Readonly<Record<string, string>>): string {
  return texts[heading.key]?.trim() || heading.text;
}
