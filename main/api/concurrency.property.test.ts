import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../store';
import { createService, type Service } from './service';
import { readSettings } from './settings';

// Random batches of the service's write methods, each batch started at once (several promises in flight),
// checked against a plain in-memory model: after every batch the files on disk must equal the model after
// the batch's successful calls applied in SOME order (each call takes effect at one instant), and at the end
// a new service on the same folder must show the same. So no acknowledged change is lost, and nothing
// deleted comes back.

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const FILES = [
  path.resolve(import.meta.dirname, '../../test/fixtures/essay-ar.md'),
  path.resolve(import.meta.dirname, '../../test/fixtures/news-page-ar.html'),
];
const TITLES = ['عنوان أول', 'عنوان ثانٍ', 'Title three'];
const NOTES = ['', 'ملاحظة', 'note 2', 'هامش على الهامش'];
const THEMES = ['light', 'dark', 'sepia'] as const;

type Op =
  | { kind: 'fontSize'; size: number }
  | { kind: 'theme'; theme: (typeof THEMES)[number] }
  | { kind: 'bounds'; width: number }
  | { kind: 'create'; article: number; at: number; note: number }
  | { kind: 'edit'; highlight: number; note: number }
  | { kind: 'delete'; highlight: number }
  | { kind: 'articleNote'; article: number; note: number }
  | { kind: 'rename'; article: number; title: number }
  | { kind: 'progress'; article: number; offset: number }
  | { kind: 'trash'; article: number }
  | { kind: 'untrash'; article: number }
  | { kind: 'emptyTrash' }
  | { kind: 'import'; file: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('fontSize' as const), size: fc.integer({ min: 12, max: 40 }) }),
  fc.record({ kind: fc.constant('theme' as const), theme: fc.constantFrom(...THEMES) }),
  fc.record({ kind: fc.constant('bounds' as const), width: fc.integer({ min: 400, max: 2000 }) }),
  fc.record({ kind: fc.constant('create' as const), article: fc.nat(), at: fc.nat(60), note: fc.nat() }),
  fc.record({ kind: fc.constant('create' as const), article: fc.nat(), at: fc.nat(60), note: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), highlight: fc.nat(), note: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), highlight: fc.nat() }),
  fc.record({ kind: fc.constant('articleNote' as const), article: fc.nat(), note: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), article: fc.nat(), title: fc.nat() }),
  fc.record({ kind: fc.constant('progress' as const), article: fc.nat(), offset: fc.nat(500) }),
  fc.record({ kind: fc.constant('trash' as const), article: fc.nat() }),
  fc.record({ kind: fc.constant('untrash' as const), article: fc.nat() }),
  fc.record({ kind: fc.constant('emptyTrash' as const) }),
  fc.record({ kind: fc.constant('import' as const), file: fc.nat() }),
);

type ModelArticle = {
  title: string;
  source: string;
  trashed: boolean;
  note: string;
  progress: number | null;
};
type Model = {
  fontSize: number;
  theme: string;
  width: number | null;
  articles: Record<string, ModelArticle>;
  /** Emptied from the trash: must never come back, nor their files. */
  removed: string[];
  highlights: Record<string, { articleId: string; note: string }>;
};

/** A call as started: the ids it names were picked from what the model knew when its batch began. */
type Call = { op: Op; id?: string; highlightId?: string };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

function start(service: Service, model: Model, op: Op): { call: Call; promise: Promise<unknown> } {
  const ids = Object.keys(model.articles).sort();
  const highlightIds = Object.keys(model.highlights).sort();
  const bounds = (width: number) => ({ x: 0, y: 0, width, height: 600, maximized: false });
  switch (op.kind) {
    case 'fontSize':
      return { call: { op }, promise: service.setSettings({ fontSize: op.size }) };
    case 'theme':
      return { call: { op }, promise: service.setSettings({ theme: op.theme }) };
    case 'bounds':
      return { call: { op }, promise: service.saveWindowBounds(bounds(op.width)) };
    case 'emptyTrash':
      return { call: { op }, promise: service.emptyTrash({}) };
    case 'import':
      return { call: { op }, promise: service.importFiles([FILES[op.file % FILES.length] ?? '']) };
    case 'edit':
    case 'delete': {
      const highlightId = pick(highlightIds, op.highlight) ?? 'none';
      const articleId = model.highlights[highlightId]?.articleId ?? 'none';
      const promise =
        op.kind === 'edit'
          ? service.updateHighlight({ articleId, id: highlightId, note: NOTES[op.note % NOTES.length] })
          : service.deleteHighlight({ articleId, id: highlightId });
      return { call: { op, highlightId }, promise };
    }
    default: {
      const id = pick(ids, op.article) ?? 'none';
      const call = { op, id };
      switch (op.kind) {
        case 'create':
          return {
            call,
            promise: service.createHighlight({
              articleId: id,
              start: 5 + op.at * 7,
              end: 12 + op.at * 7,
              color: 'yellow',
              note: NOTES[op.note % NOTES.length],
            }),
          };
        case 'articleNote':
          return { call, promise: service.setArticleNote({ id, note: NOTES[op.note % NOTES.length] }) };
        case 'rename':
          return {
            call,
            promise: service.renameArticle({ id, title: TITLES[op.title % TITLES.length] ?? '' }),
          };
        case 'progress':
          return { call, promise: service.saveProgress({ id, offset: op.offset, fraction: 0 }) };
        case 'trash':
          return { call, promise: service.trashArticle({ id }) };
        case 'untrash':
          return { call, promise: service.untrashArticle({ id }) };
      }
    }
  }
}

/**
 * The model after `call` took effect with `outcome`, or null when this call could not have had that outcome
 * at this point (so the order being tried is not the one that happened). A refused call changes nothing.
 */
function apply(model: Model, { op, id = '', highlightId = '' }: Call, outcome: Outcome): Model | null {
  if (!outcome.ok) return model;
  const next = structuredClone(model);
  const article = next.articles[id];
  const live = article !== undefined && !article.trashed;
  switch (op.kind) {
    case 'fontSize':
      next.fontSize = op.size;
      return next;
    case 'theme':
      next.theme = op.theme;
      return next;
    case 'bounds':
      next.width = op.width;
      return next;
    case 'create': {
      if (!live) return null;
      const created = outcome.value as { id: string };
      next.highlights[created.id] = { articleId: id, note: NOTES[op.note % NOTES.length] ?? '' };
      return next;
    }
    case 'edit': {
      const found = next.highlights[highlightId];
      if (!found || next.articles[found.articleId]?.trashed !== false) return null;
      found.note = NOTES[op.note % NOTES.length] ?? '';
      return next;
    }
    case 'delete':
      // A highlight deleted meanwhile by another call counts as deleted by both.
      next.highlights = without(next.highlights, (key) => key === highlightId);
      return next;
    case 'articleNote':
      if (!live) return null;
      article.note = NOTES[op.note % NOTES.length] ?? '';
      return next;
    case 'rename':
      if (!live) return null;
      article.title = TITLES[op.title % TITLES.length] ?? '';
      return next;
    case 'progress':
      if (!live) return null;
      article.progress = op.offset;
      return next;
    case 'trash':
    case 'untrash':
      if (article === undefined || article.trashed !== (op.kind === 'untrash')) return null;
      article.trashed = op.kind === 'trash';
      return next;
    case 'emptyTrash': {
      const trashed = Object.keys(next.articles).filter((key) => next.articles[key]?.trashed);
      if ((outcome.value as { removed: number }).removed !== trashed.length) return null;
      next.articles = without(next.articles, (key) => trashed.includes(key));
      next.removed.push(...trashed);
      next.highlights = without(next.highlights, (_, h) => trashed.includes(h.articleId));
      return next;
    }
    case 'import': {
      const [result] = outcome.value as { ok: boolean; id: string; title: string; duplicate: boolean }[];
      if (!result?.ok) return model;
      const source = FILES[op.file % FILES.length] ?? '';
      const same = next.articles[result.id];
      if (result.duplicate) return same && !same.trashed && same.source === source ? next : null;
      if (same || Object.values(next.articles).some((a) => a.source === source && !a.trashed)) return null;
      next.articles[result.id] = { title: result.title, source, trashed: false, note: '', progress: null };
      return next;
    }
  }
}

function without<V>(record: Record<string, V>, drop: (key: string, value: V) => boolean): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => !drop(key, value)));
}

/** What the model says the files hold, in the shape read from disk. */
function expected(model: Model) {
  return {
    fontSize: model.fontSize,
    theme: model.theme,
    width: model.width,
    articles: Object.entries(model.articles)
      .map(([id, a]) => ({ id, title: a.title, trashed: a.trashed, note: a.note, progress: a.progress }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    highlights: Object.entries(model.highlights)
      .map(([id, h]) => ({ id, ...h }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    removedFiles: [] as string[],
  };
}

/** The same, read from the files on disk (a read-only store, as `hamish check` opens one). */
async function onDisk(dataDir: string, model: Model) {
  const store = await openStore(dataDir, { readOnly: true });
  const library = store.library();
  const { settings } = readSettings(library.settings);
  const highlights: { id: string; articleId: string; note: string }[] = [];
  for (const article of library.articles) {
    for (const h of (await store.annotations(article.id)).highlights) {
      highlights.push({ id: h.id, articleId: article.id, note: h.note });
    }
  }
  const removedFiles = model.removed.flatMap((id) =>
    [`articles/${id}.json`, `annotations/${id}.json`, `annotations/${id}.journal`].filter((file) =>
      existsSync(path.join(dataDir, file)),
    ),
  );
  return {
    fontSize: settings.fontSize,
    theme: settings.theme,
    width: settings.window?.width ?? null,
    articles: library.articles
      .map((a) => ({
        id: a.id,
        title: a.title,
        trashed: a.deletedAt !== null,
        note: a.note,
        progress: a.progress?.offset ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    highlights: highlights.sort((a, b) => a.id.localeCompare(b.id)),
    removedFiles,
  };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

let root: string;
let mounted = false;
let runs = 0;
let calls = 0;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hamish-model-'));
  // On a tmpfs where allowed: fsyncs cost nothing there, so more interleavings fit in the time.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', root], { stdio: 'pipe' });
      mounted = true;
    } catch {
      // A plain temp folder then.
    }
  }
});

afterAll(async () => {
  console.log(`concurrency model: ${runs} runs, ${calls} calls in concurrent batches`);
  if (mounted) execFileSync('umount', [root]);
  await fs.rm(root, { recursive: true, force: true });
});

it('keeps every acknowledged change of calls made at once, and brings back nothing deleted', async () => {
  const seed = Number(process.env.HAMISH_MODEL_SEED ?? Date.now() % 2 ** 31);
  const batchesArb = fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 10,
  });
  await fc
    .assert(
      fc.asyncProperty(batchesArb, async (batches) => {
        runs++;
        const dataDir = await fs.mkdtemp(path.join(root, 'run-'));
        const service = await createService({ dataDir, defaultArticles: [SEED] });
        const [first] = await service.listArticles({});
        let model: Model = {
          fontSize: 20,
          theme: 'system',
          width: null,
          articles: {
            [first?.id ?? '']: {
              title: first?.title ?? '',
              source: SEED,
              trashed: false,
              note: '',
              progress: null,
            },
          },
          removed: [],
          highlights: {},
        };
        for (const batch of batches) {
          const started = batch.map((op) => start(service, model, op));
          const settled = await Promise.allSettled(started.map((s) => s.promise));
          calls += batch.length;
          const outcomes: Outcome[] = settled.map((s) =>
            s.status === 'fulfilled' ? { ok: true, value: s.value } : { ok: false, error: s.reason },
          );
          for (const outcome of outcomes) {
            // A refusal may only say that something is not there (or a selection of nothing), never a failure.
            if (!outcome.ok)
              expect((outcome.error as { code?: string }).code).toMatch(/not-found|invalid-input/);
          }
          const actual = await onDisk(dataDir, model);
          const orders = permutations(
            started.map((s, i) => ({ call: s.call, outcome: outcomes[i] as Outcome })),
          );
          let matched: Model | null = null;
          for (const order of orders) {
            let candidate: Model | null = model;
            for (const { call, outcome } of order) candidate = candidate && apply(candidate, call, outcome);
            if (candidate && JSON.stringify(expected(candidate)) === JSON.stringify(actual)) {
              matched = candidate;
              break;
            }
          }
          if (!matched) {
            expect(
              actual,
              `no order of ${JSON.stringify(started.map((s) => s.call))} explains the files`,
            ).toEqual(expected(model));
          }
          model = matched ?? model;
        }
        // A new service on the same folder shows what the model holds.
        const reopened = await createService({ dataDir });
        expect(await onDisk(dataDir, model)).toEqual(expected(model));
        const live = Object.keys(model.articles).filter((id) => !model.articles[id]?.trashed);
        expect((await reopened.listArticles({})).map((a) => a.id).sort()).toEqual(live.sort());
        for (const id of live) {
          const view = await reopened.openArticle({ id });
          const ids = Object.keys(model.highlights).filter((h) => model.highlights[h]?.articleId === id);
          expect(view.highlights.map((h) => h.id).sort()).toEqual(ids.sort());
        }
        await fs.rm(dataDir, { recursive: true, force: true });
      }),
      { seed, numRuns: Number(process.env.HAMISH_MODEL_RUNS ?? 40), endOnFailure: true },
    )
    .catch((error: unknown) => {
      console.error(`concurrency model failed; run again with HAMISH_MODEL_SEED=${seed}`);
      throw error;
    });
}, 60_000);
