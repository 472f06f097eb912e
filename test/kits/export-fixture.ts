import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AnchorStatus, Color } from '../../shared/annotation-model';
import { describeTarget } from '../../main/annotations/anchor';
import { canonicalText, importPlainText } from '../../main/articles';
import type { ArticleMeta } from '../../main/store';
import type { ExportArticle, ExportHighlight, ExportInput } from '../../main/export/types';

// Shared by the export tests: the seed article with highlights that exercise every formatter, and a
// small hostile article. Dates are fixed so the golden files never change by themselves.

const SEED_BYTES = readFileSync(new URL('../../data/article-ar.txt', import.meta.url));
const SEED = importPlainText(SEED_BYTES.toString('utf8'), 'article-ar.txt');
const SEED_TEXT = canonicalText(SEED.blocks);

const EXPORTED_AT = '2025-03-10T12:00:00.000Z';
const IMPORTED_AT = '2025-03-01T08:00:00.000Z';

type HighlightSpec = {
  id: string;
  quote: string;
  color: Color;
  note?: string;
  tags?: string[];
  createdAt: string;
};

/** A highlight of the first occurrence of `quote` in `text`, found exactly where it was made. */
function anchored(articleId: string, text: string, spec: HighlightSpec): ExportHighlight {
  const at = text.indexOf(spec.quote);
  if (at < 0) throw new Error(`fixture error: "${spec.quote}" not found`);
  const target = describeTarget(text, at, at + spec.quote.length);
  const status: AnchorStatus = 'exact';
  return {
    id: spec.id,
    articleId,
    color: spec.color,
    target,
    note: spec.note ?? '',
    tags: spec.tags ?? [],
    createdAt: spec.createdAt,
    updatedAt: spec.createdAt,
    status,
    start: target.start,
    end: target.end,
  };
}

function meta(
  fields: Pick<ArticleMeta, 'id' | 'title' | 'lang' | 'dir' | 'note' | 'tags'>,
  name: string,
  bytes: Buffer | string,
): ArticleMeta {
  return {
    ...fields,
    source: {
      kind: 'txt',
      name,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      importedAt: IMPORTED_AT,
    },
    firstLine: '',
    progress: null,
    deletedAt: null,
  };
}

/** The seed article (data/article-ar.txt) as the library knows it. */
export const SEED_META = meta(
  {
    id: 'seed-article',
    title: SEED.title,
    lang: SEED.lang,
    dir: SEED.dir,
    note: 'مقال إخباري عن **الأفريكوم** وليبيا.\nأعود إليه عند كتابة الملخص.',
    tags: ['ليبيا', 'أخبار دولية'],
  },
  'article-ar.txt',
  SEED_BYTES,
);

/** Highlights on the seed: overlapping, multi-line Markdown note, commas and quotes, an English start, an orphan. */
export function seedHighlights(): ExportHighlight[] {
  const on = (spec: HighlightSpec): ExportHighlight => anchored(SEED_META.id, SEED_TEXT, spec);
  const moved = on({
    id: 'h-moved',
    quote: 'مقتل زعيم تنظيم الدولة “أبوبكر البغدادي”',
    color: 'purple',
    note: 'Readwise وObsidian يقرآن هذه الملاحظة.',
    tags: ['2019'],
    createdAt: '2025-03-02T10:05:00.000Z',
  });
  return [
    // Created after the one it overlaps, so reading order is not creation order.
    on({
      id: 'h-overlap-b',
      quote: 'خلال 6 سنوات من المحاولات المتكررة للتغلغل',
      color: 'green',
      createdAt: '2025-03-01T09:20:00.000Z',
    }),
    on({
      id: 'h-overlap-a',
      quote: 'فشل “تنظيم الدولة” خلال 6 سنوات',
      color: 'yellow',
      note: 'الاسم بين علامتي تنصيص في الأصل.',
      tags: ['تنظيم الدولة', 'ليبيا'],
      createdAt: '2025-03-01T09:15:00.000Z',
    }),
    on({
      id: 'h-multiline',
      quote: 'مقتل البغدادي بسوريا !\n\nوأكد الرئيس الأمريكي “دونالد ترامب”',
      color: 'blue',
      note: '**مهم**: العنوان والفقرة معًا.\n\n- أولًا: التاريخ مكتوب 27-10-2019\n- ثانيًا: `سوريا` لا ليبيا\n\n> اقتباس داخل الملاحظة',
      tags: ['مصادر'],
      createdAt: '2025-03-01T11:00:00.000Z',
    }),
    { ...moved, status: 'moved', target: { ...moved.target, start: moved.start - 7, end: moved.end - 7 } },
    on({
      id: 'h-commas',
      quote: 'أكد مدير الشؤون العامة في الأفريكوم “كريس كارنس”',
      color: 'pink',
      note: 'قال "كارنس"، وهو مسؤول, إن المراقبة مستمرة; "لا ضربات".',
      tags: ['US policy', 'تصريحات'],
      createdAt: '2025-03-03T14:30:00.000Z',
    }),
    {
      id: 'h-orphan',
      articleId: SEED_META.id,
      color: 'yellow',
      target: {
        start: 120,
        end: 168,
        exact: 'وقد أعلنت *الحكومة* عن خطة [عاجلة] #1 للجنوب',
        prefix: 'في المنطقة. ',
        suffix: ' خلال أسابيع',
      },
      note: 'هذه الفقرة حُذفت من النسخة الجديدة.',
      tags: [],
      createdAt: '2025-03-01T08:30:00.000Z',
      updatedAt: '2025-03-04T08:30:00.000Z',
      status: 'orphan',
      start: -1,
      end: -1,
    },
  ];
}

/** The export the golden files are made from: the seed article alone. */
export function seedInput(): ExportInput {
  return {
    articles: [{ meta: SEED_META, highlights: seedHighlights() }],
    exportedAt: EXPORTED_AT,
    appVersion: '0.1.0',
    colorNames: { yellow: 'أصفر', green: 'أخضر', blue: 'أزرق', pink: 'وردي' },
  };
}

const HOSTILE_TEXT =
  'Notes, "quoted", and <script>alert(1)</script>\n\n- a *starred* _word_ | pipe # hash [link](https://evil.example/x.png) `code` \\ slash';

/** A left-to-right article whose text and notes hold every character a format might choke on. */
export function hostileArticle(): ExportArticle {
  const m = meta(
    {
      id: 'hostile',
      title: 'Title, "quoted" <b>&</b>: CON',
      lang: 'en',
      dir: 'ltr',
      note: '<img src=x onerror=alert(1)>',
      tags: ['a b'],
    },
    'hostile.txt',
    HOSTILE_TEXT,
  );
  const highlight = anchored(m.id, HOSTILE_TEXT, {
    id: 'h-hostile',
    quote: HOSTILE_TEXT,
    color: 'green',
    note: 'Line one, "two"\r\nline <script>alert("x")</script>\n\n![x](https://evil.example/t.png)',
    tags: ['x,y', '"q"'],
    createdAt: '2025-03-05T00:00:00.000Z',
  });
  return { meta: m, highlights: [highlight] };
}

/** The seed and the hostile article together: the several-articles layouts. */
export function twoArticleInput(): ExportInput {
  const seed = seedInput();
  return { ...seed, articles: [...seed.articles, hostileArticle()] };
}
