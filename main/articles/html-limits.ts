/**
 * What an HTML page may be made of before it is parsed: pages built to be slow to read (too many
 * elements, a tag with thousands of attributes, absurd nesting — its limit is the importer's) are refused from one linear pass over
 * the raw text, and large pages skip Readability.
 */
import { htmlShape, type HtmlShape } from './html-depth';
import { ImportError } from './import-error';

/**
 * The most elements a page may have. A long article page has a few thousand; jsdom needs about 2 s and
 * 1 GB per 100,000 simple elements, so a page of a million paragraphs is refused rather than read.
 */
export const MAX_HTML_ELEMENTS = 200_000;

/** The most attributes one tag may have: real tags have a few, and jsdom's time grows with the square. */
export const MAX_TAG_ATTRIBUTES = 1000;

/**
 * Readability's time grows faster than the number of elements (30,000 paragraphs: ~4 s), so a page with
 * more elements than this is read whole, without its navigation, like a page nested too deeply for it.
 */
export const READABILITY_MAX_ELEMENTS = 20_000;

const count = (value: number): string => value.toLocaleString('en-US');

/**
 * The page's shape, or an ImportError naming `name` when it is built beyond what can be read safely:
 * nested deeper than `maxDepth`, or past MAX_HTML_ELEMENTS or MAX_TAG_ATTRIBUTES.
 */
export function checkedHtmlShape(html: string, name: string, maxDepth: number): HtmlShape {
  const shape = htmlShape(html, {
    depth: maxDepth,
    elements: MAX_HTML_ELEMENTS,
    attributes: MAX_TAG_ATTRIBUTES,
  });
  if (shape.depth > maxDepth)
    throw new ImportError('too-deep', name, `it nests more than ${maxDepth} levels deep`);
  if (shape.elements > MAX_HTML_ELEMENTS)
    throw new ImportError('too-large', name, `it has more than ${count(MAX_HTML_ELEMENTS)} elements`);
  if (shape.attributes > MAX_TAG_ATTRIBUTES)
    throw new ImportError(
      'too-large',
      name,
      `one of its tags has more than ${count(MAX_TAG_ATTRIBUTES)} attributes`,
    );
  return shape;
}
