/**
 * Highlights, shaped after the W3C Web Annotation model (DESIGN.md "Highlights").
 * No imports: the renderer shares these types.
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
