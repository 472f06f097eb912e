/**
 * The articles module's front door: the block model and the importers (docs/ARCHITECTURE.md, "Layers").
 * Other modules import from here, not from the files behind it.
 */
import { canonicalText, type Block, type Direction } from '../../shared/article-model';
import { normalizeSourceText } from './normalize-text';
import { parsePlainText } from './text-import';
import { detectLanguage, withBlockDirections } from './language';

export * from '../../shared/article-model';
export { normalizeSourceText } from './normalize-text';
export { parsePlainText, type PlainTextParse } from './text-import';
export { isDebrisLine, dropTrailingDebris } from './trailing-debris';
export { detectLanguage, blockDirection, withBlockDirections, type DetectedLanguage } from './language';

export type ImportedText = { title: string; lang: string; dir: Direction; blocks: Block[] };

/**
 * Imports the text of a .txt file: normalise → blocks → language of the whole text → blocks written the
 * other way. `name` (the file's name) is accepted so every importer has the same shape; a plain-text
 * article's title is its first line. An empty `blocks` means the file had no text.
 */
export function importPlainText(raw: string, _name: string): ImportedText {
  const { title, blocks } = parsePlainText(normalizeSourceText(raw));
  const { lang, dir } = detectLanguage(canonicalText(blocks));
  return { title, lang, dir, blocks: withBlockDirections(blocks, dir) };
}
