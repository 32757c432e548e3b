// The layer rules, tried on code that breaks them: a rule that lets its case through is no rule.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, without the rules that need type information: these snippets are
// not files of the TypeScript project, and the layer rules need no types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    {
      ...tseslint.configs.disableTypeChecked,
      languageOptions: { parserOptions: { projectService: false, project: false } },
    },
  ],
});

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layer rules', () => {
  it('keep pages away from the database module, by import and by import()', async () => {
    const file = 'renderer/pages/NewPage.tsx';
    expect(
      await problems(
        "import { WorkbenchDB } from '../db/database';\nexport const x = WorkbenchDB;\n",
        file,
      ),
    ).toContain('no-restricted-imports');
    expect(await problems("export const load = () => import('../db/database');\n", file)).toContain(
      'no-restricted-syntax',
    );
    expect(
      await problems("export const load = () => import('../db/findings.repository');\n", file),
    ).toContain('no-restricted-syntax');
    expect(await problems("export const load = () => import('dexie');\n", file)).toContain(
      'no-restricted-syntax',
    );
    // Through the repositories' door, lazily: allowed.
    expect(await problems("export const load = () => import('../db');\n", file)).toEqual([]);
  }, 60_000);
});
