/**
 * The service's one change hook: every method set that changes an article tells it what changed, and the
 * service passes it on to whoever keeps something derived from the articles (today the search index, which
 * re-indexes the article at the next query). A new method set takes the same hook in its deps.
 */
export type Change = {
  articleId: string;
  /** 'article': its content or its place in the library; 'notes': its highlights or its own note. */
  what: 'article' | 'notes';
};

export type ChangeHook = (change: Change) => void;
