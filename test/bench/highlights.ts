import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { JSDOM } from 'jsdom';
import type { Browser } from 'playwright-core';
import { createService } from '../../main/api/service';
import { describeTarget, resolveAll } from '../../main/annotations/anchor';
import { syntheticArticle } from '../kits/anchor-bench';
import type { TextTarget } from '../../shared/annotation-model';
import { SEED_TEXT } from './generate';
import { median, row, timeMedian, type Row } from './table';

/** Issue "Highlight passages": re-anchoring, painting and saving, measured with baselines in the same run. */

function workload(count: number) {
  const text = syntheticArticle(SEED_TEXT, 1_000_000, 7);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const targets: TextTarget[] = Array.from({ length: count }, () => {
    const start = Math.floor(next() * (text.length - 200));
    return describeTarget(text, start, start + 20 + Math.floor(next() * 100));
  });
  const at = Math.floor(text.length / 100);
  // A small edit near the start: every later highlight moves by a sentence.
  const edited = `${text.slice(0, at)} جملة قصيرة أضيفت في التحديث. ${text.slice(at)}`;
  return { edited, targets };
}

async function resolveRows(): Promise<Row[]> {
  const { edited, targets } = workload(1000);
  const ours = await timeMedian(9, () => resolveAll(edited, targets));
  const naive = await timeMedian(9, () => targets.map((t) => edited.indexOf(t.exact)));
  const rows = [
    row('resolve 1,000 highlights, 1 MB, after an edit (Hamish)', ours, 'ms', 50),
    row('  baseline: indexOf of each quote (no context, no fuzzy)', naive, 'ms'),
  ];
  // @apache-annotator/dom matches exact quote+context over a DOM Range; fed one article in jsdom.
  const dom = new JSDOM(`<!doctype html><body><p></p></body>`);
  // The library reads DOM globals (NodeFilter, Node) as a browser would have them.
  Object.assign(globalThis, { NodeFilter: dom.window.NodeFilter, Node: dom.window.Node });
  const p = dom.window.document.querySelector('p');
  if (p) p.textContent = edited;
  const scope = dom.window.document.createRange();
  scope.selectNodeContents(dom.window.document.body);
  const sample = targets.slice(0, 100);
  const apache = await timeMedian(3, async () => {
    for (const target of sample) {
      const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', ...target })(scope);
      await matches.next();
    }
  });
  rows.push(row('  baseline: @apache-annotator/dom, ×10 from 100 quotes', apache * 10, 'ms'));
  return rows;
}

async function saveRows(): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-save-'));
  try {
    const service = await createService({
      dataDir: dir,
      defaultArticles: [path.resolve(import.meta.dirname, '../../data/article-ar.txt')],
    });
    const [article] = await service.listArticles({});
    const id = article?.id ?? '';
    const now = new Date().toISOString();
    const text = SEED_TEXT;
    const highlights = Array.from({ length: 10_000 }, (_, i) => ({
      id: `h${i}`,
      articleId: id,
      color: 'yellow',
      target: describeTarget(text, i % 500, (i % 500) + 40),
      note: `ملاحظة رقم ${i} عن هذا المقطع من المقالة، مع بعض التفاصيل الإضافية.`,
      tags: ['ليبيا'],
      createdAt: now,
      updatedAt: now,
    }));
    await mkdir(path.join(dir, 'annotations'), { recursive: true });
    await writeFile(
      path.join(dir, 'annotations', `${id}.json`),
      JSON.stringify({ schemaVersion: 1, articleId: id, highlights }),
    );
    const reopened = await createService({ dataDir: dir });
    let n = 0;
    const save = () => reopened.updateHighlight({ articleId: id, id: 'h5000', note: `ملاحظة معدلة ${n++}` });
    const alone = await timeMedian(15, save);
    for (let i = 0; i < 200; i++) await reopened.importFiles([await writeVariant(dir, i)]);
    const withOthers = await timeMedian(15, save);
    return [
      row('save one note, article with 10,000 highlights', alone, 'ms', 15),
      row('  same, with 200 other articles in the library', withOthers, 'ms', 15),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeVariant(dir: string, i: number): Promise<string> {
  const file = path.join(dir, `other-${i}.txt`);
  await writeFile(file, `مقالة أخرى رقم ${i}\n\n${SEED_TEXT.slice(200 + i, 2200 + i)}`);
  return file;
}

/** Paints 1,000 highlights on the 1 MB article in Chromium with the Custom Highlight API and with <mark>. */
async function paintRows(browser: Browser): Promise<Row[]> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const text = syntheticArticle(SEED_TEXT, 1_000_000, 7);
  const paragraphs = text.split('\n\n');
  const results = {
    custom: [] as number[],
    mark: [] as number[],
    clearCustom: [] as number[],
    clearMark: [] as number[],
  };
  for (let run = 0; run < 5; run++) {
    await page.setContent('<!doctype html><body dir="rtl"></body>');
    // tsx compiles named functions with an `__name` helper; the page needs it too.
    await page.evaluate('window.__name = (fn) => fn');
    const timing = await page.evaluate((paras) => {
      const body = document.body;
      for (const p of paras) {
        const el = document.createElement('p');
        el.textContent = p;
        body.append(el);
      }
      const nodes = [...body.querySelectorAll('p')].map((p) => p.firstChild as Text);
      const spans: [number, number, number][] = [];
      for (let i = 0; i < 1000; i++) {
        const node = (i * 7919) % nodes.length;
        const length = nodes[node]?.length ?? 0;
        const start = (i * 104729) % Math.max(1, length - 60);
        spans.push([node, start, start + 40]);
      }
      // Distinct spans per node, from the end backwards, so <mark> wrapping never invalidates later ones.
      const unique = [...new Map(spans.map((s) => [`${s[0]}:${s[1] >> 6}`, s])).values()].sort(
        (a, b) => b[0] - a[0] || b[1] - a[1],
      );
      const frame = () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      const measure = async (fn: () => void) => {
        const t0 = performance.now();
        fn();
        document.body.getBoundingClientRect();
        await frame();
        return performance.now() - t0;
      };
      return (async () => {
        await frame();
        const custom = await measure(() => {
          const ranges = unique.map(([n, s, e]) => {
            const range = new Range();
            range.setStart(nodes[n] as Text, s);
            range.setEnd(nodes[n] as Text, e);
            return range;
          });
          CSS.highlights.set('bench', new Highlight(...ranges));
        });
        const clearCustom = await measure(() => CSS.highlights.delete('bench'));
        const marks: HTMLElement[] = [];
        const mark = await measure(() => {
          for (const [n, s, e] of unique) {
            const range = new Range();
            range.setStart(nodes[n] as Text, s);
            range.setEnd(nodes[n] as Text, e);
            const el = document.createElement('mark');
            range.surroundContents(el);
            marks.push(el);
          }
        });
        const clearMark = await measure(() => {
          for (const el of marks) el.replaceWith(...el.childNodes);
          body.normalize();
        });
        return { custom, mark, clearCustom, clearMark, count: unique.length };
      })();
    }, paragraphs);
    results.custom.push(timing.custom);
    results.mark.push(timing.mark);
    results.clearCustom.push(timing.clearCustom);
    results.clearMark.push(timing.clearMark);
  }
  await page.close();
  return [
    row('paint 1,000 highlights, 1 MB article (CSS Custom Highlight)', median(results.custom), 'ms', 100),
    row('  <mark> elements, same spans', median(results.mark), 'ms'),
    row('  clear: Custom Highlight / <mark>', median(results.clearCustom), 'ms'),
    row('  clear <mark> elements', median(results.clearMark), 'ms'),
  ];
}

export async function highlightBench(browser: Browser): Promise<Row[]> {
  return [...(await resolveRows()), ...(await saveRows()), ...(await paintRows(browser))];
}
