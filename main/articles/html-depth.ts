/**
 * The shape of an HTML document — how deeply it nests its elements, how many it has, and the most
 * attributes on one tag — read from the raw text in one pass before it is parsed: jsdom's parser takes
 * time growing with the square of the depth (10,000 nested <div> take ~13 s) and of a tag's attribute
 * count (50,000 take ~8 s), and overflows the stack near 100,000 levels; Readability walks the tree
 * recursively and takes seconds on tens of thousands of elements.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

// Elements that never have content, and so never nest anything.
const VOID = words(`
  area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr`);
// Elements whose text the parser reads raw up to their end tag: a "<div>" inside <script> is not a tag.
const RAW_TEXT = words(`
  script style textarea title xmp iframe noembed noframes plaintext`);
// Elements the parser closes when a sibling of the same family opens (<li><li> are siblings, not nested).
const CLOSED_BY_SIBLING: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
};
// An unknown closing tag is searched for this far down the stack; a stray </div> must not cost O(depth).
const CLOSE_SEARCH = 64;

/** Where `name` is open near the top of the stack, or -1. */
function openIndex(stack: readonly string[], name: string): number {
  for (let at = stack.length - 1; at >= 0 && at >= stack.length - CLOSE_SEARCH; at -= 1) {
    if (stack[at] === name) return at;
  }
  return -1;
}

const TAG = /<(\/?)([A-Za-z][^\s/>]*)/y;

/**
 * Where the tag whose attributes start at `from` ends (after its ">"). As in the HTML tokenizer, a quote
 * opens a value only right after "=": `<p class=a"b>` ends at its ">", so a stray quote cannot hide tags.
 */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean; attributes: number } {
  let afterEquals = false;
  // After white space, a character that is not a value starts an attribute's name.
  let afterSpace = true;
  let attributes = 0;
  for (let index = from; index < html.length; index += 1) {
    const char = html.charAt(index);
    if (afterEquals && (char === '"' || char === "'")) {
      const close = html.indexOf(char, index + 1);
      if (close < 0) break;
      index = close;
      afterEquals = false;
      afterSpace = false;
    } else if (char === '>') {
      return { end: index + 1, selfClosing: html.charAt(index - 1) === '/', attributes };
    } else if (char === '=') {
      afterEquals = true;
      afterSpace = false;
    } else if (/\s/.test(char)) {
      afterSpace = true;
    } else {
      if (afterSpace && !afterEquals && char !== '/') attributes += 1;
      afterEquals = false;
      afterSpace = false;
    }
  }
  return { end: html.length, selfClosing: false, attributes };
}

export type HtmlShape = { depth: number; elements: number; attributes: number };

/** Where htmlShape may stop counting: once any figure passes its limit, the rest does not matter. */
export type HtmlLimits = { depth?: number; elements?: number; attributes?: number };

/**
 * The deepest element nesting of `html` (approximately as an HTML parser would build it), its number of
 * elements and the most attributes on one tag, stopping early once a limit is passed. Linear in the
 * length of the text. It counts on the side of caution: an unclosed element the parser would close
 * implicitly may be counted as still open, and a tag-like text in an attribute value as an element.
 */
export function htmlShape(html: string, limits: HtmlLimits = {}): HtmlShape {
  const {
    depth: maxDepth = Infinity,
    elements: maxElements = Infinity,
    attributes: maxAttributes = Infinity,
  } = limits;
  const stack: string[] = [];
  let foreign = 0; // inside <svg> or <math>, where "<x/>" really closes itself
  let deepest = 0;
  let elements = 0;
  let attributes = 0;
  let index = html.indexOf('<');
  while (index >= 0 && deepest <= maxDepth && elements <= maxElements && attributes <= maxAttributes) {
    if (html.startsWith('<!--', index)) {
      const close = html.indexOf('-->', index + 4);
      index = close < 0 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    TAG.lastIndex = index;
    const match = TAG.exec(html);
    if (match === null) {
      index = html.indexOf('<', index + 1);
      continue;
    }
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    const { end, selfClosing, attributes: onTag } = tagEnd(html, TAG.lastIndex);
    attributes = Math.max(attributes, onTag);
    if (!closing) elements += 1;
    if (closing) {
      const at = openIndex(stack, name);
      if (at >= 0)
        for (const popped of stack.splice(at)) if (popped === 'svg' || popped === 'math') foreign -= 1;
    } else if (!VOID.has(name) && !(selfClosing && foreign > 0)) {
      const family = CLOSED_BY_SIBLING[name];
      if (family !== undefined && family.includes(stack.at(-1) ?? '')) stack.pop();
      stack.push(name);
      if (name === 'svg' || name === 'math') foreign += 1;
      deepest = Math.max(deepest, stack.length);
      if (RAW_TEXT.has(name)) {
        stack.pop();
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = end;
        index = close.exec(html) === null ? -1 : html.indexOf('<', close.lastIndex);
        continue;
      }
    }
    index = html.indexOf('<', end);
  }
  return { depth: deepest, elements, attributes };
}

/** The deepest element nesting of `html`, as htmlShape counts it, stopping early once `limit` is passed. */
export function htmlDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  return htmlShape(html, { depth: limit }).depth;
}

/** The depth of the element tree under `root`, walked without recursion. */
export function treeDepth(root: Element): number {
  let deepest = 0;
  let depth = 0;
  let node: Element | null = root;
  while (node !== null) {
    deepest = Math.max(deepest, depth);
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      depth += 1;
      continue;
    }
    while (node !== null && node !== root && node.nextElementSibling === null) {
      node = node.parentElement;
      depth -= 1;
    }
    node = node === null || node === root ? null : node.nextElementSibling;
  }
  return deepest;
}
