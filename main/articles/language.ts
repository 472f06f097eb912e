/**
 * Language and direction of text, read from its strong letters (the letters that fix a bidi direction).
 * Used at import to set an article's `lang`/`dir` and the `dir` of blocks written the other way.
 */
import { canonicalText, type Block, type Direction } from '../../shared/article-model';

type Script = 'arabic' | 'hebrew' | 'latin' | 'otherRtl' | 'otherLtr';

export type DetectedLanguage = { lang: string; dir: Direction };

// Letters only Persian adds to the Arabic alphabet (Urdu uses them too, so Urdu is tested first).
const PERSIAN_LETTERS = new Set(['پ', 'چ', 'ژ', 'گ', 'ک', 'ی']);
// Letters only Urdu adds: ٹ ڈ ڑ ں ے ھ.
const URDU_LETTERS = new Set(['ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ']);
// In Persian prose ی alone is ~8% of letters and in Urdu ے ~5%, while an Arabic text holds them only in a
// borrowed name; 2% of the Arabic-script letters separates the two with a wide margin on both sides.
const OWN_LETTERS_MIN_SHARE = 0.02;
// Ta marbuta is ~2–3% of Arabic letters and nearly absent from Persian and Urdu, so an Arabic article typed
// on a Persian keyboard (ی and ک for ي and ك, common on Iranian sites) stays Arabic.
const TA_MARBUTA_ARABIC_SHARE = 0.01;

// Right-to-left scripts besides Arabic and Hebrew; their text gets `und` but the right direction.
const OTHER_RTL =
  /[\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

// Classifying a character costs a few regex tests; articles use a few hundred distinct characters,
// so each is classified once (imports may be tens of megabytes).
const scriptCache = new Map<string, Script | null>();

function classify(char: string): Script | null {
  // RLM and ALM are invisible but strong right-to-left; LRM strong left-to-right (UAX #9).
  if (char === '\u200F' || char === '\u061C') return 'otherRtl';
  if (char === '\u200E') return 'otherLtr';
  // Letters of the Common script (tatweel, ª) take their direction from their neighbours.
  if (!/\p{L}/u.test(char) || /\p{Script=Common}/u.test(char)) return null;
  if (/\p{Script=Arabic}/u.test(char)) return 'arabic';
  if (/\p{Script=Hebrew}/u.test(char)) return 'hebrew';
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  return OTHER_RTL.test(char) ? 'otherRtl' : 'otherLtr';
}

function scriptOf(char: string): Script | null {
  let script = scriptCache.get(char);
  if (script === undefined) {
    script = classify(char);
    scriptCache.set(char, script);
  }
  return script;
}

function isRtl(script: Script): boolean {
  return script === 'arabic' || script === 'hebrew' || script === 'otherRtl';
}

/** The language an article is written in (BCP 47) and its direction; `und`/ltr when it has no letters. */
export function detectLanguage(text: string): DetectedLanguage {
  const counts: Record<Script, number> = { arabic: 0, hebrew: 0, latin: 0, otherRtl: 0, otherLtr: 0 };
  let persian = 0;
  let urdu = 0;
  let taMarbuta = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === null) continue;
    counts[script] += 1;
    if (PERSIAN_LETTERS.has(char)) persian += 1;
    else if (URDU_LETTERS.has(char)) urdu += 1;
    else if (char === 'ة') taMarbuta += 1;
  }

  // Arabic wins ties: it is the app's first language.
  const order: Script[] = ['arabic', 'hebrew', 'latin', 'otherRtl', 'otherLtr'];
  const main = order.reduce((best, script) => (counts[script] > counts[best] ? script : best));
  if (counts[main] === 0) return { lang: 'und', dir: 'ltr' };
  switch (main) {
    case 'arabic': {
      const share = (n: number): number => n / counts.arabic;
      if (share(taMarbuta) >= TA_MARBUTA_ARABIC_SHARE) return { lang: 'ar', dir: 'rtl' };
      if (share(urdu) >= OWN_LETTERS_MIN_SHARE) return { lang: 'ur', dir: 'rtl' };
      if (share(persian) >= OWN_LETTERS_MIN_SHARE) return { lang: 'fa', dir: 'rtl' };
      return { lang: 'ar', dir: 'rtl' };
    }
    case 'hebrew':
      return { lang: 'he', dir: 'rtl' };
    // Latin letters alone cannot tell English from French; English is the app's other language.
    case 'latin':
      return { lang: 'en', dir: 'ltr' };
    default:
      return { lang: 'und', dir: isRtl(main) ? 'rtl' : 'ltr' };
  }
}

/** The direction of the first strong character, as HTML's `dir="auto"` decides it; null when there is none. */
export function blockDirection(text: string): Direction | null {
  for (const char of text) {
    const script = scriptOf(char);
    if (script !== null) return isRtl(script) ? 'rtl' : 'ltr';
  }
  return null;
}

/**
 * The direction most of a text's strong letters read in. Counting, not the first letter, because an
 * Arabic paragraph often opens with a Latin name ("Google أعلنت…"). A tie falls back to the first letter.
 */
function dominantDirection(text: string): Direction | null {
  let rtl = 0;
  let ltr = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === null) continue;
    if (isRtl(script)) rtl += 1;
    else ltr += 1;
  }
  if (rtl === ltr) return blockDirection(text);
  return rtl > ltr ? 'rtl' : 'ltr';
}

/**
 * New blocks where `dir` is set only on blocks whose dominant direction differs from the article's
 * (an English quotation inside an Arabic article); any earlier `dir` is recomputed from the text.
 */
export function withBlockDirections(blocks: readonly Block[], articleDir: Direction): Block[] {
  return blocks.map((block) => {
    const { dir: _earlier, ...rest } = block;
    // Code reads left to right whatever its comments are written in.
    if (block.kind === 'code') return articleDir === 'ltr' ? rest : { ...rest, dir: 'ltr' as const };
    const dir = dominantDirection(block.text);
    return dir !== null && dir !== articleDir ? { ...rest, dir } : rest;
  });
}

/** An article's language and direction from its text, and its blocks marked where one reads the other way. */
export function withLanguage(blocks: readonly Block[]): { lang: string; dir: Direction; blocks: Block[] } {
  const { lang, dir } = detectLanguage(canonicalText(blocks));
  return { lang, dir, blocks: withBlockDirections(blocks, dir) };
}
