/**
 * Lines of a news page that are about the article rather than part of it: a date line («29-9-2017 | 02:57»),
 * a byline («بقلم …», «كتب: …», «- الرياض: …») and an attribution («— US AFRICOM …», «المصدر: …»).
 * They are short and do not end like sentences, so the plain-text importer would otherwise read them as
 * headings; recognised, they stay paragraphs marked as secondary (docs/ARCHITECTURE.md, "Data flow: import a file").
 */
import type { SecondaryKind } from '../../shared/article-model';

// Longer than this, a line is running text even if it opens like a byline («- الرياض: قال الوزير …»).
const SECONDARY_MAX_CHARS = 90;

const DIGIT = '[0-9\u0660-\u0669\u06F0-\u06F9]';
// 29-9-2017, 29/09/2017, 2017.9.29 and the same in Arabic-Indic digits.
const NUMERIC_DATE = new RegExp(`${DIGIT}{1,4}\\s*[-/.]\\s*${DIGIT}{1,2}\\s*[-/.]\\s*${DIGIT}{2,4}`, 'u');
// 02:57, ٠٢:٥٧
const TIME = new RegExp(`${DIGIT}{1,2}\\s*:\\s*${DIGIT}{2}`, 'u');
const MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'إبريل',
  'ابريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'اغسطس',
  'سبتمبر',
  'أكتوبر',
  'اكتوبر',
  'نوفمبر',
  'ديسمبر',
  'كانون',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NUMERIC_DATES = new RegExp(NUMERIC_DATE.source, 'gu');
const TIMES = new RegExp(TIME.source, 'gu');
const MONTH_NAMES = new Set(MONTHS.map((month) => month.toLowerCase()));
const YEAR = new RegExp(`${DIGIT}{4}`, 'u');
const ONLY_DIGITS = new RegExp(`^${DIGIT}+$`, 'u');
// What else a date line holds: weekday names, "published / updated", AM/PM, separators.
const DATE_WORDS =
  /^(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|نشر|نُشر|في|بتاريخ|تاريخ|آخر|اخر|تحديث|التحديث|محدث|م|ص|مساء|صباحا|صباحًا|مساءً|GMT|UTC|AM|PM|Published|Updated|on|at)$/iu;

const BYLINE_WORD = /^(?:بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تقرير|مراسل|By)(?:\s*:|\s)/iu;
// «- الرياض: …», «الرياض - (واس):»: a place (one to three words) before a colon, after a dash.
const DATELINE_PLACE = /^[-–—]\s*[\p{L}\s()]{2,30}\s*:/u;
// «— US AFRICOM (@USAFRICOM) October 2, 2019»: the line that credits a quoted tweet or passage.
const DASH_CREDIT = /^(?:—|–|--)\s*\S/u;
const SOURCE_WORD = /^(?:المصدر|المصادر|مصدر|نقلا عن|نقلاً عن|عن موقع|Source|Via)\s*:?\s*\S/iu;

/** True for a short line that holds a date or a time and little else (weekday, "updated", separators). */
function isDateLine(line: string): boolean {
  if (!/[0-9\u0660-\u0669\u06F0-\u06F9]/u.test(line)) return false;
  const words = line
    .replace(NUMERIC_DATES, ' # ')
    .replace(TIMES, ' # ')
    .split(/[\s|/\\,،:\-–—•·()[\]]+/u)
    .filter((word) => word !== '');
  // «29 سبتمبر 2017», «October 2, 2019»: a month name with a year is a date too.
  const worded = words.some((word) => MONTH_NAMES.has(word.toLowerCase())) && YEAR.test(line);
  if (!words.includes('#') && !worded) return false;
  const rest = words.filter(
    (word) =>
      word !== '#' &&
      !ONLY_DIGITS.test(word) &&
      !DATE_WORDS.test(word) &&
      !MONTH_NAMES.has(word.toLowerCase()),
  );
  return rest.length <= 1;
}

/**
 * What kind of secondary line this is, or undefined for ordinary text. Only short lines qualify: a long
 * line that opens with a place and a colon is the article's first paragraph. «- المكان: …» is a byline
 * only near the top (`nearTop`): further down the same shape is a list item («- الهدف: خفض الضرائب»).
 */
export function secondaryKind(line: string, nearTop = true): SecondaryKind | undefined {
  if (line.length > SECONDARY_MAX_CHARS) return undefined;
  if (isDateLine(line)) return 'dateline';
  if (BYLINE_WORD.test(line) || (nearTop && DATELINE_PLACE.test(line))) return 'byline';
  if (DASH_CREDIT.test(line) || SOURCE_WORD.test(line)) return 'attribution';
  return undefined;
}
