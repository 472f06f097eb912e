import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  highlight,
  importText,
  newComputer,
  removeComputers,
  snapshot,
  type Computer,
} from '../../test/kits/sync-kit';
import { startCouchServer, type CouchServer } from '../../test/kits/couch-server';

/*
 * Random work on two computers, synced in random order: at the end, after each has synced twice, both show
 * the same library, every highlight created and deleted by no one is there, and a note changed on one
 * computer only ends as that computer last wrote it.
 */

const TEXTS = [
  'البيت\n\nكان البيت القديم في آخر الشارع، وكانت نوافذه تطل على البحر.',
  'المدينة\n\nفي المدينة أسواق كثيرة، وأشهرها سوق العطارين قرب الجامع الكبير.',
  'الرحلة\n\nسافرنا في الصباح الباكر، ووصلنا إلى القرية قبل الظهر بقليل.',
];
const QUOTES = ['البيت القديم', 'نوافذه', 'سوق العطارين', 'الجامع الكبير', 'الصباح الباكر', 'القرية'];

type Op =
  | { kind: 'import'; side: 0 | 1; text: number }
  | { kind: 'highlight'; side: 0 | 1; pick: number; quote: number }
  | { kind: 'note'; side: 0 | 1; pick: number }
  | { kind: 'delete'; side: 0 | 1; pick: number }
  | { kind: 'tag'; side: 0 | 1; pick: number; tag: string }
  | { kind: 'sync'; side: 0 | 1 };

const side = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), side, text: fc.nat(TEXTS.length - 1) }),
  fc.record({
    kind: fc.constant('highlight' as const),
    side,
    pick: fc.nat(20),
    quote: fc.nat(QUOTES.length - 1),
  }),
  fc.record({ kind: fc.constant('note' as const), side, pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), side, pick: fc.nat(20) }),
  fc.record({
    kind: fc.constant('tag' as const),
    side,
    pick: fc.nat(20),
    tag: fc.constantFrom('أ', 'ب', 'ج'),
  }),
  fc.record({ kind: fc.constant('sync' as const), side }),
);

let server: CouchServer;
let database = 0;

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.stop();
});

async function allHighlights(computer: Computer) {
  const found = [];
  for (const article of await computer.service.listArticles({})) {
    for (const h of (await computer.service.openArticle({ id: article.id })).highlights) {
      found.push({ articleId: article.id, id: h.id, note: h.note });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function play(ops: Op[]): Promise<void> {
  const url = server.url(`converge-${(database += 1)}`);
  const computers: Computer[] = [];
  for (const name of ['a', 'b']) {
    const computer = await newComputer(name);
    await computer.service.configureSync({ url });
    computers.push(computer);
  }
  const created = new Set<string>();
  const deleted = new Set<string>();
  // Per highlight: which computers changed its note, and the last note each wrote.
  const notes = new Map<string, Map<number, string>>();
  let counter = 0;
  for (const step of ops) {
    const computer = computers[step.side] as Computer;
    if (step.kind === 'sync') {
      await computer.service.syncNow({});
      continue;
    }
    if (step.kind === 'import') {
      await importText(computer, `t${step.text}-${(counter += 1)}`, TEXTS[step.text] ?? '');
      continue;
    }
    const articles = await computer.service.listArticles({});
    const highlights = await allHighlights(computer);
    if (step.kind === 'highlight' || step.kind === 'tag') {
      const article = articles[step.pick % Math.max(1, articles.length)];
      if (!article) continue;
      if (step.kind === 'tag') {
        await computer.service.setArticleNote({ id: article.id, tags: [...article.tags, step.tag] });
        continue;
      }
      const quote = QUOTES[step.quote] ?? '';
      const text = (await computer.service.openArticle({ id: article.id })).blocks
        .map((b) => b.text)
        .join('\n\n');
      if (!text.includes(quote)) continue;
      created.add(await highlight(computer, article.id, quote));
      continue;
    }
    const target = highlights[step.pick % Math.max(1, highlights.length)];
    if (!target) continue;
    if (step.kind === 'delete') {
      await computer.service.deleteHighlight({ articleId: target.articleId, id: target.id });
      deleted.add(target.id);
    } else {
      const note = `ملاحظة ${(counter += 1)} من ${step.side === 0 ? 'أ' : 'ب'}`;
      await computer.service.updateHighlight({ articleId: target.articleId, id: target.id, note });
      const written = notes.get(target.id) ?? new Map<number, string>();
      written.set(step.side, note);
      notes.set(target.id, written);
    }
  }
  const [a, b] = computers as [Computer, Computer];
  for (const computer of [a, b, a, b]) await computer.service.syncNow({});

  const final = await snapshot(a);
  expect(await snapshot(b)).toEqual(final);
  const present = new Map(final.flatMap((article) => article.highlights.map((h) => [h.id, h.note] as const)));
  for (const id of created)
    if (!deleted.has(id)) expect(present.has(id), `highlight ${id} was lost`).toBe(true);
  for (const id of present.keys()) expect(created.has(id)).toBe(true);
  for (const [id, written] of notes) {
    const only = written.size === 1 ? [...written.values()][0] : undefined;
    if (only !== undefined && present.has(id)) expect(present.get(id)).toBe(only);
  }
}

it('two computers doing random work converge, and nothing acknowledged is lost', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
      try {
        await play(ops);
      } finally {
        await removeComputers();
      }
    }),
    { numRuns: 12 },
  );
}, 300_000);
