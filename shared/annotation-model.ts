/**
 * Highlights, shaped after the W3C Web Annotation model (docs/ARCHITECTURE.md, "Data flow: highlight a passage").
 * Part of the shared vocabulary (docs/ARCHITECTURE.md, "Layers"): no imports, so main and the renderer share it.
 */

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

/** Position and quote selectors of a passage in an article's canonical text. */
export type TextTarget = {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

export type Highlight = {
  id: string;
  articleId: string;
  color: Color;
  target: TextTarget;
  /** Markdown. */
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

/** How a highlight was found in the current text of its article. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

/** A highlight as placed in the current text (start/end; -1 for an orphan), with its stored target. */
export type PlacedHighlight = {
  id: string;
  createdAt: string;
  status: AnchorStatus;
  start: number;
  end: number;
  target: { start: number; end: number };
};

function isOrphan(h: PlacedHighlight): boolean {
  return h.status === 'orphan' || h.start < 0;
}

/**
 * The one reading order of highlights, shared by the notes panel and every export: the order a reader meets
 * them in the article; of two starting at the same place, the longer (the one enclosing the other) first;
 * orphans last, by where they used to be. Ties go by creation, then id, so the order never depends on the
 * order the store happened to keep.
 */
export function compareReadingOrder(a: PlacedHighlight, b: PlacedHighlight): number {
  const orphan = isOrphan(a);
  if (orphan !== isOrphan(b)) return orphan ? 1 : -1;
  const [aStart, aEnd] = orphan ? [a.target.start, a.target.end] : [a.start, a.end];
  const [bStart, bEnd] = orphan ? [b.target.start, b.target.end] : [b.start, b.end];
  return aStart - bStart || bEnd - aEnd || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
