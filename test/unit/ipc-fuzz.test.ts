import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { METHODS } from '../../shared/methods';
import { createService, type Service } from '../../main/api/service';

/**
 * Fuzzes every contract method through dispatch(), the validation every IPC call and the e2e bridge go
 * through: random and hostile payloads are refused with an error value, nothing throws, nothing on disk
 * changes, and no prototype is polluted.
 */

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const RUNS_PER_METHOD = 300;

let dataDir: string;
let service: Service;

async function storeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hash.update(entry.name).update(await readFile(full));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { id: value, articleId: [value] };
  return value;
}

const HOSTILE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  Number.NaN,
  Infinity,
  '',
  'x'.repeat(5_000_000),
  [],
  [{}],
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { id: '__proto__' },
  { id: '../../../../etc/passwd' },
  { id: 'a'.repeat(65) },
  { id: 'abc\u0000def' },
  { articleId: '../library', id: 'x', start: 0, end: 1, color: 'yellow' },
  { articleId: 'x', start: 5, end: 1, color: 'yellow' },
  { articleId: 'x', start: 0, end: 1e12, color: 'yellow' },
  { articleId: 'x', start: 0, end: 1, color: 'yellow', note: 'n'.repeat(2_000_000) },
  { articleId: 'x', start: 0, end: 1, color: 'yellow', tags: Array.from({ length: 10_000 }, () => 't') },
  { highlight: { id: 'x' } },
  deeplyNested(2_000),
  { fontSize: 1e308 },
  { theme: 'dark', extra: 1 },
  new Date(),
];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-fuzz-'));
  service = await createService({ dataDir, defaultArticles: [SEED] });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** True when dispatch answered with a well-formed error value that names a reason. */
function refused(result: unknown): boolean {
  const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

describe('IPC fuzzing', () => {
  it('refuses hostile payloads for every method without throwing or writing', async () => {
    const before = await storeDigest(dataDir);
    let tried = 0;
    let acceptedWrongly = 0;
    for (const method of METHODS) {
      for (const payload of HOSTILE) {
        tried++;
        const valid = contract[method].safeParse(payload).success;
        const result = await dispatch(service, method, payload);
        if (!valid && !refused(result)) acceptedWrongly++;
      }
    }
    console.log(
      `ipc fuzz (hostile): ${tried} payloads over ${METHODS.length} methods, accepted wrongly: ${acceptedWrongly}`,
    );
    expect(acceptedWrongly).toBe(0);
    expect(tried).toBe(METHODS.length * HOSTILE.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storeDigest(dataDir)).toBe(before);
  });

  it('refuses random payloads for every method', async () => {
    const before = await storeDigest(dataDir);
    let tried = 0;
    let acceptedWrongly = 0;
    const mutating = new Set([
      'saveProgress',
      'setSettings',
      'createHighlight',
      'updateHighlight',
      'deleteHighlight',
      'restoreHighlight',
      'setArticleNote',
    ]);
    for (const method of METHODS) {
      await fc.assert(
        fc.asyncProperty(
          fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
          async (payload) => {
            tried++;
            const valid = contract[method].safeParse(payload).success;
            const result = await dispatch(service, method, payload);
            // A payload that happens to be valid may legitimately succeed (e.g. {} for listArticles).
            if (!valid && !refused(result)) acceptedWrongly++;
            return valid || refused(result);
          },
        ),
        { numRuns: RUNS_PER_METHOD },
      );
      if (mutating.has(method)) expect(await storeDigest(dataDir), method).toBe(before);
    }
    console.log(
      `ipc fuzz (random): ${tried} payloads over ${METHODS.length} methods, accepted wrongly: ${acceptedWrongly}`,
    );
    expect(acceptedWrongly).toBe(0);
    expect(tried).toBeGreaterThanOrEqual(METHODS.length * RUNS_PER_METHOD);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown and inherited method names', async () => {
    for (const name of [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'valueOf',
      'deleteEverything',
      '',
      null,
      {},
      7,
    ]) {
      expect(refused(await dispatch(service, name, {}))).toBe(true);
    }
  });
});
