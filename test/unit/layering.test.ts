import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layering of docs/ARCHITECTURE.md ("Layers") is enforced by eslint.config.js. These cases lint a
// deliberate violation (or an allowed import) as if it were a file at the given path, with the repo's own config.
const ROOT = path.resolve(import.meta.dirname, '../..');

type Case = { file: string; code: string };

const forbidden: (Case & { why: string })[] = [
  {
    why: 'a product file in main/ imports vitest',
    file: 'main/store/fixture-helper.ts',
    code: "import { expect } from 'vitest';\nexport const check = expect;\n",
  },
  {
    why: 'a product file in main/app imports vitest',
    file: 'main/app/fixture-helper.ts',
    code: "import { vi } from 'vitest';\nexport const spy = vi.fn;\n",
  },
  {
    why: 'a domain module imports electron',
    file: 'main/store/window-helper.ts',
    code: "import { app } from 'electron';\nexport const name = app.name;\n",
  },
];

const allowed: Case[] = [
  {
    file: 'main/store/store.test.ts',
    code: "import { expect } from 'vitest';\nexport const check = expect;\n",
  },
  {
    file: 'test/kits/store-helper.ts',
    code: "import { expect } from 'vitest';\nexport const check = expect;\n",
  },
  {
    file: 'main/app/window-helper.ts',
    code: "import { app } from 'electron';\nexport const name = app.name;\n",
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function importErrors({ file, code }: Case): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('lint zones', () => {
  it.each(forbidden)('refuses $file: $why', async (violation) => {
    expect(await importErrors(violation)).toHaveLength(1);
  });

  it.each(allowed)('allows the same import in $file', async (fine) => {
    expect(await importErrors(fine)).toEqual([]);
  });
});
