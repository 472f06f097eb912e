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
    why: 'the renderer imports a value from main/ (the contract and its zod schemas would be bundled)',
    file: 'renderer/src/library/LibraryView.tsx',
    code: "import { contract } from '../../../main/api/contract';\nexport const methods = Object.keys(contract);\n",
  },
  {
    why: 'the renderer imports a type from main/ instead of shared/',
    file: 'renderer/src/reader/colors.ts',
    code: "import type { Color } from '../../../main/api/contract';\nexport const none: Color[] = [];\n",
  },
  {
    why: 'the renderer imports zod',
    file: 'renderer/src/settings/check.ts',
    code: "import { z } from 'zod';\nexport const id = z.string();\n",
  },
  {
    why: 'shared/ imports a package',
    file: 'shared/settings-schema.ts',
    code: "import { z } from 'zod';\nexport const id = z.string();\n",
  },
  {
    why: 'shared/ imports from main/',
    file: 'shared/limits.ts',
    code: "import { MAX_TAGS } from '../main/annotations/limits';\nexport const most = MAX_TAGS;\n",
  },
  {
    why: 'a domain module imports the service',
    file: 'main/search/reindex.ts',
    code: "import type { Service } from '../api/service';\nexport type Reindex = Service['search'];\n",
  },
  {
    why: 'a domain module, one folder deeper, imports the command line',
    file: 'main/articles/epub/cli-helper.ts',
    code: "import { runCli } from '../../cli/run';\nexport const run = runCli;\n",
  },
  {
    why: 'a domain module imports the Electron adapter',
    file: 'main/store/quit-helper.ts',
    code: "import { quitSequence } from '../app/quit';\nexport const quit = quitSequence;\n",
  },
  {
    why: 'a domain module imports electron',
    file: 'main/store/window-helper.ts',
    code: "import { app } from 'electron';\nexport const name = app.name;\n",
  },
];

const allowed: Case[] = [
  {
    file: 'renderer/src/reader/colors.ts',
    code: "import { COLORS } from '../../../shared/annotation-model';\nexport const all = COLORS;\n",
  },
  {
    file: 'shared/limits.ts',
    code: "import { COLORS } from './annotation-model';\nexport const all = COLORS;\n",
  },
  {
    file: 'main/search/reindex.ts',
    code: "import type { Block } from '../../shared/article-model';\nexport type Blocks = Block[];\n",
  },
  {
    file: 'main/api/search-helper.ts',
    code: "import { createLibraryIndex } from '../search';\nexport const make = createLibraryIndex;\n",
  },
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
// Loading the config and its plugins takes seconds on a busy machine: done once, before the cases.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('export {};\n', { filePath: path.join(ROOT, 'main/store/warm-up.ts') });
}, 60_000);

async function importErrors({ file, code }: Case): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('lint zones', () => {
  it.each(forbidden)(
    'refuses $file: $why',
    async (violation) => {
      expect(await importErrors(violation)).toHaveLength(1);
    },
    20_000,
  );

  it.each(allowed)(
    'allows the same import in $file',
    async (fine) => {
      expect(await importErrors(fine)).toEqual([]);
    },
    20_000,
  );
});
