/**
 * Web-page leftovers that a copy-paste or a "save as text" keeps after an article: share counters
 * ("Total", "0", "مشاركة") and the heading of a related-links box ("مقالات ذات صلة").
 * Only a trailing run of such lines is dropped: the same words inside an article are its text.
 */

// The words themselves, compared after foldForMatching (so case, hamza and tanween variants match too).
const DEBRIS_PHRASES = [
  'total',
  'share',
  'shares',
  'tweet',
  'print',
  'email',
  'e-mail',
  'comments',
  'related',
  'related articles',
  'read more',
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'pinterest',
  'مشاركة',
  'مشاركات',
  'شارك',
  'تغريد',
  'تغريدة',
  'غرد',
  'طباعة',
  'تعليقات',
  'البريد الإلكتروني',
  'مقالات ذات صلة',
  'مقالات مشابهة',
  'أخبار ذات صلة',
  'مواضيع ذات صلة',
  'اقرأ أيضا',
  'واتساب',
  'فيسبوك',
  'تويتر',
  'تيليجرام',
];

// Share counters: "0", "١٢", "1,234", "1.2K".
const COUNTER = String.raw`\p{Nd}+(?:[.,٫٬]\p{Nd}+)*[km]?`;

// A debris line is short: a real sentence made only of these words would be longer than a counter row.
const DEBRIS_MAX_CHARS = 60;
// Before folding, a debris line may carry harakat, tatweel and spaces; ten times the folded size is ample.
const DEBRIS_MAX_RAW_CHARS = 10 * DEBRIS_MAX_CHARS;

function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{Cf}\p{M}\u0640]/gu, '') // format controls, harakat, tanween and tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Longest phrases first, so that "related articles" is tried before "related".
const TOKEN = `(?:${[...new Set(DEBRIS_PHRASES.map(foldForMatching))]
  .sort((a, b) => b.length - a.length)
  .map(escapeForRegExp)
  .join('|')}|${COUNTER})`;

// One or more debris tokens, separated by spaces or punctuation ("0 Shares", "Facebook | Twitter").
const DEBRIS_LINE = new RegExp(`^${TOKEN}(?:[\\s\\p{P}\\p{S}]+${TOKEN})*$`, 'u');

/** True when a line is only share-counter or related-links debris (case and surrounding punctuation ignored). */
export function isDebrisLine(line: string): boolean {
  // A long line is text, not debris; folding it first would cost time growing with the square of its
  // length when it is one run of punctuation (the pattern that trims punctuation rescans the run).
  if (line.length > DEBRIS_MAX_RAW_CHARS) return false;
  const folded = foldForMatching(line);
  return folded.length > 0 && folded.length <= DEBRIS_MAX_CHARS && DEBRIS_LINE.test(folded);
}

/**
 * Drops the run of debris lines at the end of a list of non-empty lines. The first line from the end
 * that is not debris stops the removal, so a real closing paragraph is never lost.
 */
export function dropTrailingDebris(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && isDebrisLine(lines[end - 1] ?? '')) end -= 1;
  return lines.slice(0, end);
}
