import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTarget, resolveAll, resolveTarget } from './anchor';
import { syntheticArticle } from '../../test/kits/anchor-bench';
import type { AnchorStatus, TextTarget } from '../../shared/annotation-model';

/** The seed article: real Arabic news prose with quotes, digits and Latin-free paragraphs. */
const ARTICLE = readFileSync(new URL('../../data/article-ar.txt', import.meta.url), 'utf8').replace(
  /\r\n/g,
  '\n',
);

function highlight(text: string, quote: string, occurrence = 1): TextTarget {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture error: "${quote}" not found`);
  return describeTarget(text, at, at + quote.length);
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture error: "${from}" not found`);
  return text.replace(from, to);
}

function expectAnchored(text: string, target: TextTarget, status: AnchorStatus, passage: string): void {
  const result = resolveTarget(text, target);
  expect(result.status).toBe(status);
  expect(text.slice(result.start, result.end)).toBe(passage);
}

const SENTENCE = 'حيث قتل 19 عنصرا في غارتين جويتين بمحيط مرزق في 19 سبتمبر';
const PASSAGE = 'أعلنت حكومة الوفاق والقوات الأمريكية في أكثر من مناسبة تنسيقهما المشترك';

describe('describeTarget', () => {
  it('records position, exact quote and 32 characters of context each side', () => {
    const at = ARTICLE.indexOf(PASSAGE);
    const target = describeTarget(ARTICLE, at, at + PASSAGE.length);
    expect(target).toEqual({
      start: at,
      end: at + PASSAGE.length,
      exact: PASSAGE,
      prefix: ARTICLE.slice(at - 32, at),
      suffix: ARTICLE.slice(at + PASSAGE.length, at + PASSAGE.length + 32),
    });
  });

  it('records shorter context at the edges of the text', () => {
    expect(describeTarget('فشل التنظيم', 0, 3)).toEqual({
      start: 0,
      end: 3,
      exact: 'فشل',
      prefix: '',
      suffix: ' التنظيم',
    });
  });

  it('does not cut a surrogate pair at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}سرت${'😀'.repeat(20)}`;
    const target = describeTarget(text, 40, 43);
    expect(target.prefix).toBe('😀'.repeat(16));
    expect(target.suffix).toBe('😀'.repeat(16));
  });

  it('throws a RangeError for a reversed, empty or out-of-range span', () => {
    expect(() => describeTarget(ARTICLE, 20, 10)).toThrow(RangeError);
    expect(() => describeTarget(ARTICLE, 10, 10)).toThrow(RangeError);
    expect(() => describeTarget(ARTICLE, -1, 10)).toThrow(RangeError);
    expect(() => describeTarget(ARTICLE, 10, ARTICLE.length + 1)).toThrow(RangeError);
    expect(() => describeTarget(ARTICLE, 1.5, 10)).toThrow(RangeError);
  });
});

describe('resolveTarget', () => {
  it('keeps a highlight whose position is unchanged', () => {
    const target = highlight(ARTICLE, PASSAGE);
    expect(resolveTarget(ARTICLE, target)).toEqual({ status: 'exact', start: target.start, end: target.end });
  });

  it('re-anchors a highlight after text is inserted before the passage', () => {
    const target = highlight(ARTICLE, PASSAGE);
    const edited = `مقدمة قصيرة أضيفت لاحقا إلى المقال.\n\n${ARTICLE}`;
    expectAnchored(edited, target, 'moved', PASSAGE);
  });

  it('re-anchors a highlight after text is inserted inside the passage', () => {
    const target = highlight(ARTICLE, PASSAGE);
    const longer = PASSAGE.replace('في أكثر', 'رسميا في أكثر');
    expectAnchored(replaceOnce(ARTICLE, PASSAGE, longer), target, 'fuzzy', longer);
  });

  it('re-anchors a highlight after a typo inside it is fixed', () => {
    const typo = SENTENCE.replace('جويتين', 'جوييتن');
    const before = replaceOnce(ARTICLE, SENTENCE, typo);
    expectAnchored(ARTICLE, highlight(before, typo), 'fuzzy', SENTENCE);
  });

  it('re-anchors a highlight after diacritics are added to its words', () => {
    const voweled = 'أَعْلَنَتْ حُكُومَةُ الوِفَاقِ وَالقُوَّاتُ الأَمْرِيكِيَّةُ فِي أَكْثَرِ مِنْ مُنَاسَبَةٍ تَنْسِيقَهُمَا المُشْتَرَكَ';
    expectAnchored(replaceOnce(ARTICLE, PASSAGE, voweled), highlight(ARTICLE, PASSAGE), 'fuzzy', voweled);
  });

  it('re-anchors a highlight after the diacritics of its words are removed', () => {
    const voweled = 'أَعْلَنَتْ حُكُومَةُ الوِفَاقِ وَالقُوَّاتُ الأَمْرِيكِيَّةُ';
    const plain = 'أعلنت حكومة الوفاق والقوات الأمريكية';
    const before = replaceOnce(ARTICLE, plain, voweled);
    expectAnchored(ARTICLE, highlight(before, voweled), 'fuzzy', plain);
  });

  it('re-anchors a passage moved to another paragraph', () => {
    const target = highlight(ARTICLE, SENTENCE);
    const without = replaceOnce(ARTICLE, `${SENTENCE}؛ `, '');
    const moved = replaceOnce(without, 'هزيمة تنظيم الدولة\n', `هزيمة تنظيم الدولة\n${SENTENCE}. `);
    expectAnchored(moved, target, 'moved', SENTENCE);
  });

  it('keeps the right one of two identical sentences, using their context', () => {
    const repeated = 'وأكدت المصادر أن الاجتماع سيعقد الأسبوع المقبل في العاصمة';
    const first = `بدأت القصة في الشرق قبل سنوات طويلة. ${repeated} هناك أيضا.`;
    const second = `ثم انتقل المقاتلون إلى الجنوب في الصيف الماضي. ${repeated} في الجنوب كذلك.`;
    const before = [first, ARTICLE, second].join('\n\n');
    const target = highlight(before, repeated, 2);
    // A long insertion pushes the second occurrence far away, so distance alone would pick the first one;
    // a word changed just before it means its context no longer matches exactly either.
    const after = [first, ARTICLE, ARTICLE, second.replace('الماضي', 'المنصرم')].join('\n\n');
    const result = resolveTarget(after, target);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(after.lastIndexOf(repeated));
  });

  it('orphans a highlight whose passage was deleted', () => {
    const target = highlight(ARTICLE, SENTENCE);
    const paragraph = ARTICLE.split('\n\n').find((block) => block.includes(SENTENCE)) ?? '';
    expect(resolveTarget(replaceOnce(ARTICLE, paragraph, ''), target)).toEqual({
      status: 'orphan',
      start: -1,
      end: -1,
    });
  });

  it('re-anchors a highlight after whitespace and line breaks inside it change', () => {
    const reflowed = PASSAGE.replace(' والقوات ', '\nوالقوات  ').replace(' من ', '\n\n  من ');
    expectAnchored(replaceOnce(ARTICLE, PASSAGE, reflowed), highlight(ARTICLE, PASSAGE), 'fuzzy', reflowed);
  });

  it('does not anchor a nonsense near-miss ("Linus" is not "chines", hypothesis#2634)', () => {
    const target = highlight('Linus Torvalds wrote the first version of Linux.', 'Linus');
    expect(resolveTarget('Two machines were wired into the network.', target).status).toBe('orphan');
  });

  it('does not anchor an Arabic near-miss of a short quote in unrelated text', () => {
    const target = highlight(ARTICLE, 'البنيان المرصوص');
    const unrelated = 'قال البيان المنصوص عليه في الاتفاق إن الحوار سيستمر.';
    expect(resolveTarget(unrelated, target).status).toBe('orphan');
  });

  it('orphans a short quote whose context is gone rather than jumping to another occurrence', () => {
    const target = highlight(ARTICLE, 'سرت', 2);
    const paragraph = ARTICLE.split('\n\n').find((block) => block.includes('مدحورا')) ?? '';
    const rewritten = replaceOnce(ARTICLE, paragraph, 'فقرة أعيدت كتابتها بالكامل دون ذكر المدينة.');
    expect(rewritten.includes('سرت')).toBe(true);
    expect(resolveTarget(rewritten, target).status).toBe('orphan');
  });

  it('orphans a short quote from the first line when that line is gone, though the word occurs later', () => {
    const target = highlight(ARTICLE, 'الأفريكوم');
    expect(target.prefix).toBe('');
    const withoutTitle = ARTICLE.slice(ARTICLE.indexOf('\n\n') + 2);
    expect(withoutTitle.includes('الأفريكوم')).toBe(true);
    expect(resolveTarget(withoutTitle, target).status).toBe('orphan');
  });

  it('keeps a short quote from the first line when text is inserted above it', () => {
    const target = highlight(ARTICLE, 'الأفريكوم');
    expectAnchored(`عنوان فرعي جديد\n\n${ARTICLE}`, target, 'moved', 'الأفريكوم');
  });

  it('keeps a short quote that moved together with its context', () => {
    const target = highlight(ARTICLE, 'سرت', 2);
    const edited = `${'تمهيد. '.repeat(10)}${ARTICLE}`;
    expectAnchored(edited, target, 'moved', 'سرت');
  });
});

describe('resolveTarget in a long article', () => {
  const LONG = syntheticArticle(ARTICLE, 200_000);
  const at = 100_000;
  const passage = LONG.slice(at, at + 80);
  const voweled = passage.replace(/([ء-ي])/g, '$1\u064E');

  it('uses a fixture whose passage occurs once', () => {
    expect(LONG.indexOf(passage)).toBe(LONG.lastIndexOf(passage));
  });

  it('re-anchors an edited passage by searching its neighbourhood', () => {
    const target = describeTarget(LONG, at, at + 80);
    const edited = `${LONG.slice(0, 50)}${LONG.slice(60, at)}${voweled.replace(/ /, '')}${LONG.slice(at + 80)}`;
    const result = resolveTarget(edited, target);
    expect(result.status).toBe('fuzzy');
    expect(result.start).toBe(at - 10);
    expect(edited.slice(result.start, result.end)).toBe(voweled.replace(/ /, ''));
  });

  it('re-anchors a passage whose diacritics changed after it moved to the far end', () => {
    const target = describeTarget(LONG, at, at + 80);
    const moved = `${LONG.slice(0, at)}${LONG.slice(at + 80)}\n\n${voweled}`;
    const result = resolveTarget(moved, target);
    expect(result.status).toBe('fuzzy');
    expect(moved.slice(result.start, result.end)).toBe(voweled);
  });
});

describe('resolveAll', () => {
  it('re-anchors a highlight in every paragraph after an edit on every paragraph at once', () => {
    const paragraphs = ARTICLE.split('\n\n').filter((block) => block.length > 200);
    const quotes = paragraphs.map((block) => block.slice(80, 140));
    const targets = quotes.map((quote) => highlight(ARTICLE, quote));
    const edited = ARTICLE.split('\n\n')
      .map((block) =>
        block.length > 200 ? `تحديث: ${block.slice(0, 20)}${block.slice(25)} (تم التحقق)` : block,
      )
      .join('\n\n');
    const results = resolveAll(edited, targets);
    expect(results.map((result) => edited.slice(result.start, result.end))).toEqual(quotes);
    expect(results.map((result) => result.status)).toEqual(quotes.map(() => 'moved'));
  });

  it('gives the same answers as resolving one target at a time', () => {
    const targets = [highlight(ARTICLE, PASSAGE), highlight(ARTICLE, SENTENCE), highlight(ARTICLE, 'سرت', 2)];
    const edited = replaceOnce(`مقدمة.\n\n${ARTICLE}`, 'جويتين', 'جوية');
    expect(resolveAll(edited, targets)).toEqual(targets.map((target) => resolveTarget(edited, target)));
  });
});
