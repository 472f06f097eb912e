import MiniSearch from 'minisearch';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Highlight } from '../../shared/annotation-model';
import { blockStarts, canonicalText, type Block } from '../../shared/article-model';
import {
  createLibraryIndex,
  findInText,
  normalizeArabic,
  parseQuery,
  queryNeedles,
  tokenize,
  type LibraryIndex,
} from '../../main/search';
import { generateArabicArticle } from './generate';
import { percentile, row, timeMedian, type Row } from './table';
import { mulberry32 } from '../kits/random';

/**
 * The search figures: a generated library of 500 Arabic articles (~20 MB) with 10,000 highlights and
 * notes; index build, query latency, find in a 1 MB article per keystroke; and, in the same run, two
 * baselines fed the same normalised documents: a plain scan, and MiniSearch (prefix matching, whole-word
 * terms; ours matches inside words, so it does strictly more work per query word).
 */

const ARTICLES = 500;
const ARTICLE_BYTES = 36_000; // plus the injected words: about 40 KB of UTF-8 per article
const HIGHLIGHTS_PER_ARTICLE = 20;
const VOCABULARY = 150_000; // distinct made-up words, so the vocabulary is as large as a real library's
const QUERIES = 200;
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const TAGS = ['سياسة', 'اقتصاد', 'تاريخ', 'إرهاب', 'ليبيا', 'الساحل', 'للمراجعة', 'مهم', 'أمن', 'نفط'];

type Random = () => number;
type GeneratedArticle = {
  id: string;
  tags: string[];
  note: string;
  blocks: Block[];
  highlights: Highlight[];
};

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function madeUpWords(random: Random): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const length = 3 + Math.floor(random() * 6);
    words.add(Array.from({ length }, () => pick(random, [...LETTERS])).join(''));
  }
  return [...words];
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** The seed article's paragraphs in a new order, each with a few made-up words slipped in. */
function articleBlocks(random: Random, lines: readonly string[], vocabulary: readonly string[]): Block[] {
  return shuffled(random, lines).map((line) => {
    const words = line.split(' ');
    for (let k = 0; k < 1 + words.length / 8; k++) {
      words.splice(Math.floor(random() * words.length), 0, pick(random, vocabulary));
    }
    const text = words.join(' ');
    return text.startsWith('القسم') ? { kind: 'heading', level: 2, text } : { kind: 'paragraph', text };
  });
}

function randomHighlight(
  random: Random,
  article: GeneratedArticle,
  n: number,
  notes: readonly string[],
): Highlight {
  const starts = blockStarts(article.blocks);
  const index = Math.floor(random() * article.blocks.length);
  const words = (article.blocks[index]?.text ?? '').split(' ');
  const first = Math.floor(random() * Math.max(1, words.length - 12));
  const exact = words.slice(first, first + 3 + Math.floor(random() * 10)).join(' ');
  const start = (starts[index] ?? 0) + words.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
  const note = random() < 0.8 ? pick(random, notes) : '';
  return {
    id: `${article.id}-h${n}`,
    articleId: article.id,
    color: 'yellow',
    target: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
    note,
    tags: random() < 0.5 ? [pick(random, TAGS)] : [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

function generateLibrary(): GeneratedArticle[] {
  const random = mulberry32(5);
  const vocabulary = madeUpWords(random);
  const lines = generateArabicArticle(ARTICLE_BYTES)
    .split('\n')
    .filter((line) => line.length > 0);
  const notes = lines.filter((line) => line.length > 60).map((line) => line.slice(0, 120));
  return Array.from({ length: ARTICLES }, (_, i) => {
    const article: GeneratedArticle = {
      id: `a${i}`,
      tags: shuffled(random, TAGS).slice(0, Math.floor(random() * 3)),
      note: random() < 0.3 ? pick(random, notes) : '',
      blocks: articleBlocks(random, lines, vocabulary),
      highlights: [],
    };
    for (let n = 0; n < HIGHLIGHTS_PER_ARTICLE; n++)
      article.highlights.push(randomHighlight(random, article, n, notes));
    return article;
  });
}

/** Heap in use after a full collection; the flag is set at run time so `npm run bench` needs no node option. */
function settledHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc === 'function') gc();
  return process.memoryUsage().heapUsed;
}

function buildIndex(library: readonly GeneratedArticle[]): LibraryIndex {
  const index = createLibraryIndex();
  for (const article of library) {
    index.addArticle(article, article.blocks);
    index.setHighlights(article.id, article.highlights);
  }
  return index;
}

/** The texts the index holds, normalised, for the baselines. */
function documentTexts(library: readonly GeneratedArticle[]): string[] {
  return library.flatMap((article) => [
    ...article.blocks.map((block) => block.text),
    ...article.highlights.flatMap((highlight) => [highlight.target.exact, highlight.note]),
    article.note,
  ]);
}

function queries(library: readonly GeneratedArticle[], words: number): string[] {
  const random = mulberry32(words);
  return Array.from({ length: QUERIES }, () => {
    const article = pick(random, library);
    const terms = tokenize(pick(random, article.blocks).text).map((token) => token.term);
    const first = Math.floor(random() * Math.max(1, terms.length - words));
    return terms.slice(first, first + words).join(' ');
  });
}

function latencies(raws: readonly string[], run: (raw: string) => unknown): number[] {
  for (const raw of raws.slice(0, 20)) run(raw); // warm-up
  return raws.map((raw) => {
    const start = performance.now();
    run(raw);
    return performance.now() - start;
  });
}

function plainScan(texts: readonly string[], raw: string): number {
  const needles = queryNeedles(parseQuery(raw));
  let found = 0;
  for (const text of texts) if (needles.every((needle) => text.includes(needle))) found++;
  return found;
}

async function findInArticleRows(): Promise<Row[]> {
  const text = generateArabicArticle(1024 * 1024);
  const normalize = await timeMedian(5, () => normalizeArabic(text));
  const norm = normalizeArabic(text);
  const typed = ['ا', ...[...'الحرب على طرابلس'].map((_, i, all) => all.slice(0, i + 1).join(''))];
  const ours: number[] = [];
  const scan: number[] = [];
  for (const raw of [...typed, '"تنظيم الدولة"', 'الأفريكوم']) {
    ours.push(await timeMedian(5, () => findInText(norm, parseQuery(raw))));
    scan.push(
      await timeMedian(5, () => {
        let count = 0;
        for (const needle of queryNeedles(parseQuery(raw))) {
          for (
            let at = norm.text.indexOf(needle);
            at >= 0;
            at = norm.text.indexOf(needle, at + needle.length)
          )
            count++;
        }
        return count;
      }),
    );
  }
  return [
    row('1 MB article: normalise once (on open)', normalize, 'ms'),
    row('find in 1 MB article: slowest keystroke', Math.max(...ours), 'ms', 30),
    row('  baseline: indexOf scan, no offset mapping', Math.max(...scan), 'ms'),
  ];
}

/** Measures search and returns the table rows; prints nothing. */
export async function searchBench(): Promise<Row[]> {
  const library = generateLibrary();
  const megabytes = library.reduce((sum, a) => sum + Buffer.byteLength(canonicalText(a.blocks)), 0) / 1e6;
  const highlights = library.reduce((sum, a) => sum + a.highlights.length, 0);
  const build = await timeMedian(2, () => buildIndex(library));
  const heapBefore = settledHeap();
  const index = buildIndex(library);
  const heapAfter = settledHeap();
  const oneWord = queries(library, 1);
  const threeWords = queries(library, 3);
  const phrases = queries(library, 2).map((words) => `"${words}"`);
  const ours = (raw: string) => index.search(parseQuery(raw));
  const texts = documentTexts(library).map((text) => normalizeArabic(text).text);
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => tokenize(text).map((token) => token.term),
    processTerm: (term) => term,
  });
  // Built once: a second build would need a second MiniSearch and twice the memory.
  const miniStart = performance.now();
  mini.addAll(texts.map((text, id) => ({ id, text })));
  const miniBuild = performance.now() - miniStart;
  const miniSearch = (raw: string) =>
    mini.search(normalizeArabic(raw).text, { combineWith: 'AND', prefix: true }).slice(0, 200);
  const p95 = (raws: readonly string[], run: (raw: string) => unknown) =>
    percentile(latencies(raws, run), 95);
  return [
    row(`library: ${ARTICLES} articles, ${highlights} highlights`, megabytes, 'MB'),
    row('index build', build, 'ms', 3000),
    row('  index heap (after GC)', (heapAfter - heapBefore) / 1e6, 'MB'),
    row('  baseline: MiniSearch build', miniBuild, 'ms'),
    row('query p95, 1 word', p95(oneWord, ours), 'ms', 50),
    row('query p95, 3 words', p95(threeWords, ours), 'ms', 50),
    row('query p95, 2-word phrase', p95(phrases, ours), 'ms', 50),
    row('query, 1 letter «ا» (worst case)', percentile(latencies(['ا'], ours), 50), 'ms'),
    row(
      '  baseline: plain scan p95, 1 word',
      p95(oneWord, (raw) => plainScan(texts, raw)),
      'ms',
    ),
    row(
      '  baseline: plain scan p95, 3 words',
      p95(threeWords, (raw) => plainScan(texts, raw)),
      'ms',
    ),
    row('  baseline: MiniSearch p95, 1 word', p95(oneWord, miniSearch), 'ms'),
    row('  baseline: MiniSearch p95, 3 words', p95(threeWords, miniSearch), 'ms'),
    ...(await findInArticleRows()),
    row(
      'parse a 10,000-character query of distinct words',
      await timeMedian(15, () => parseQuery(Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' '))),
      'ms',
      100,
    ),
  ];
}
