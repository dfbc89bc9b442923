import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * packages/domain must not reach Node, the DOM, the clock, randomness or other packages. These
 * tests prove the lint rules catch each kind of breach, so `npm run lint` cannot pass with one.
 */
const eslint = new ESLint({
  // The probes are not files of any tsconfig; type-aware rules are beside the point here.
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function problemsIn(
  code: string,
  filePath = 'packages/domain/src/probe.ts',
): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('the purity of packages/domain', () => {
  it.each([
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'no-restricted-imports',
    ],
    ["import { join } from 'path';\nexport const x = join;", 'no-restricted-imports'],
    ["import { z } from 'zod';\nexport const x = z;", 'no-restricted-imports'],
    [
      "import { apiErrorSchema } from '@veche/protocol';\nexport const x = apiErrorSchema;",
      'no-restricted-imports',
    ],
    ['export const x = process.env.HOME;', 'no-restricted-globals'],
    ['export const x = document.title;', 'no-restricted-globals'],
    ['export const x = Date.now();', 'no-restricted-syntax'],
    ['export const x = new Date();', 'no-restricted-syntax'],
    ['export const x = Date();', 'no-restricted-syntax'],
    ['export const x = Math.random();', 'no-restricted-syntax'],
  ])('refuses %s', async (code, rule) => {
    expect(await problemsIn(code)).toContain(rule);
  });

  it('allows its own files and a clock passed in', async () => {
    const code =
      "import { toRoman } from './roman.js';\nexport const at = (now: number) => [new Date(now), toRoman(1)];";
    expect(await problemsIn(code)).toEqual([]);
  });

  it('leaves the server free to use Node', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;";
    expect(await problemsIn(code, 'packages/server/src/probe.ts')).toEqual([]);
  });
});
