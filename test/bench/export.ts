import { describeTarget } from '../../main/annotations/anchor';
import { importPlainText } from '../../main/articles';
import { canonicalText } from '../../shared/article-model';
import { toCsv, toHtml, toMarkdown, toWebAnnotationJson, type ExportInput } from '../../main/export';
import { SEED_TEXT } from './generate';
import { row, timeMedian, type Row } from './table';

/** Issue "Export notes": 10,000 highlights to each format (target under 1 s each). */
export async function exportBench(): Promise<Row[]> {
  const article = importPlainText(SEED_TEXT, 'seed.txt');
  const text = canonicalText(article.blocks);
  const at = '2026-11-29T00:00:00.000Z';
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
  const highlights = Array.from({ length: 10_000 }, (_, i) => {
    const start = (i * 37) % (text.length - 60);
    const target = describeTarget(text, start, start + 40);
    return {
      id: `h${i}`,
      articleId: 'seed',
      color: colors[i % 5] ?? 'yellow',
      target,
      note: i % 3 === 0 ? `ملاحظة رقم ${i}، مع "اقتباس" وفاصلة,\nوسطر ثانٍ.` : '',
      tags: i % 4 === 0 ? ['ليبيا', 'سياسة دولية'] : [],
      createdAt: at,
      updatedAt: at,
      status: 'exact' as const,
      start,
      end: start + 40,
    };
  });
  const input: ExportInput = {
    exportedAt: at,
    appVersion: '0.1.0',
    articles: [
      {
        meta: {
          id: 'seed',
          title: article.title,
          lang: article.lang,
          dir: article.dir,
          source: { kind: 'txt', name: 'article-ar.txt', sha256: '0'.repeat(64), importedAt: at },
          firstLine: '',
          tags: ['أخبار'],
          note: 'ملاحظة على المقالة',
          progress: null,
          deletedAt: null,
        },
        highlights,
      },
    ],
  };
  const rows: Row[] = [];
  for (const [name, format] of [
    ['Markdown', toMarkdown],
    ['W3C JSON', toWebAnnotationJson],
    ['CSV', toCsv],
    ['HTML', toHtml],
  ] as const) {
    rows.push(
      row(`export 10,000 highlights to ${name}`, await timeMedian(5, () => format(input)), 'ms', 1000),
    );
  }
  // Notes that can hold raw HTML or a code fence are parsed to keep them inside their place (one in three).
  const [only] = input.articles;
  if (only) {
    const risky: ExportInput = {
      ...input,
      articles: [
        {
          ...only,
          highlights: only.highlights.map((h, i) =>
            i % 3 === 0 ? { ...h, note: `ملاحظة <b>${i}</b> مع \`كود\`\n\n\`\`\`\n<div>\n\`\`\`` } : h,
          ),
        },
      ],
    };
    rows.push(
      row(
        'export 10,000 highlights to Markdown, 3,334 notes with HTML and a fence',
        await timeMedian(3, () => toMarkdown(risky)),
        'ms',
        1000,
      ),
    );
  }
  return rows;
}
