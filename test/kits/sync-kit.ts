/**
 * For sync tests: data folders opened through the real service, articles written as real files, and a look
 * at a library as plain data to compare two computers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService, type Service, type ServiceOptions } from '../../main/api/service';

export type Computer = { dir: string; service: Service };

const made: string[] = [];

export async function newComputer(name: string, options: Partial<ServiceOptions> = {}): Promise<Computer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `hamish-sync-${name}-`));
  made.push(dir);
  return { dir, service: await createService({ ...options, dataDir: dir }) };
}

/** The same folder opened again, as after a restart. */
export async function reopen(computer: Computer, options: Partial<ServiceOptions> = {}): Promise<Computer> {
  return { dir: computer.dir, service: await createService({ ...options, dataDir: computer.dir }) };
}

export async function removeComputers(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Imports an article written from `text`; resolves to its id here. */
export async function importText(computer: Computer, name: string, text: string): Promise<string> {
  const file = path.join(computer.dir, '..', `${path.basename(computer.dir)}-${name}.txt`);
  await writeFile(file, text);
  made.push(file);
  const [outcome] = await computer.service.importFiles([file]);
  if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

/** Highlights the first occurrence of `quote`. */
export async function highlight(
  computer: Computer,
  articleId: string,
  quote: string,
  note = '',
): Promise<string> {
  const article = await computer.service.openArticle({ id: articleId });
  const text = article.blocks.map((block) => block.text).join('\n\n');
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in ${articleId}`);
  const created = await computer.service.createHighlight({
    articleId,
    start,
    end: start + quote.length,
    color: 'yellow',
    note,
  });
  return created.id;
}

/** The short Arabic article most sync tests carry between computers (its title is «البيت»). */
export const HOUSE = 'البيت\n\nكان البيت القديم في آخر الشارع، وكانت نوافذه تطل على البحر.';

/**
 * HOUSE imported on `from` with one highlight of «البيت القديم» noted `note`, and both computers synced once:
 * the article's id on each side and the highlight's (the same on both).
 */
export async function sharedHighlight(
  from: Computer,
  to: Computer,
  note: string,
): Promise<{ here: string; there: string; id: string }> {
  const here = await importText(from, 'house', HOUSE);
  const id = await highlight(from, here, 'البيت القديم', note);
  await from.service.syncNow({});
  await to.service.syncNow({});
  return { here, there: await articleTitled(to, 'البيت'), id };
}

/** A library as plain data, independent of the ids each computer gave its articles. */
export async function snapshot(computer: Computer) {
  const articles = await computer.service.listArticles({});
  const result = [];
  for (const summary of articles) {
    const view = await computer.service.openArticle({ id: summary.id });
    result.push({
      title: view.title,
      note: view.note,
      tags: [...view.tags].sort(),
      text: view.blocks.map((block) => block.text).join('\n\n'),
      highlights: view.highlights
        .map((h) => ({
          id: h.id,
          exact: h.target.exact,
          note: h.note,
          tags: [...h.tags].sort(),
          color: h.color,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    });
  }
  const order = (a: { title: string; text: string }) => `${a.title}\u0000${a.text}`;
  return result.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The article with `title` on `computer` (its id there). */
export async function articleTitled(computer: Computer, title: string): Promise<string> {
  const found = (await computer.service.listArticles({})).find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  return found.id;
}
