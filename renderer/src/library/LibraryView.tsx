import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { useFirstRenderCount } from '../use-first-render-count';
import { ContinueReading } from './ContinueReading';
import { CARDS_WITH_ACTIONS_FIRST } from './first-render';
import { lastRead } from './last-read';

/** The list of articles: the one to continue first, then each with title, opening words, date, highlights, progress. */
export function LibraryView({
  articles,
  onOpen,
  tools,
  actions,
  empty,
}: {
  articles: ArticleSummary[];
  onOpen: (id: string) => void;
  /** Search, sort, filter and import controls, under the heading. */
  tools?: ReactNode;
  /** An article's own actions (rename, trash, export). */
  actions?: (article: ArticleSummary) => ReactNode;
  /** Shown instead of the usual empty message (e.g. when a filter matches nothing). */
  empty?: string;
}) {
  const t = useT();
  const resume = lastRead(articles);
  const withActions = useFirstRenderCount(articles.length, CARDS_WITH_ACTIONS_FIRST);
  return (
    <section className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">{t('library.title')}</h1>
        <p className="muted">{t.plural('library.count', articles.length)}</p>
      </header>
      {tools}
      {resume && <ContinueReading article={resume} onOpen={onOpen} />}
      {articles.length === 0 ? (
        <p className="empty">{empty ?? t('library.empty')}</p>
      ) : (
        <ul className="library-list" aria-labelledby="library-title">
          {articles.map((article, index) => (
            <li key={article.id} className="library-item card">
              {/* The title is the button (its name is what it shows); the card around it is clickable too. */}
              <button
                type="button"
                className="library-item-open card-action"
                onClick={() => onOpen(article.id)}
                aria-describedby={`meta-${article.id}`}
              >
                <span className="library-item-title" lang={article.lang} dir="auto">
                  {article.title}
                </span>
              </button>
              <span className="library-item-first-line" lang={article.lang} dir="auto">
                {article.firstLine}
              </span>
              <span id={`meta-${article.id}`} className="library-item-meta muted">
                {article.site && <span dir="auto">{article.site}</span>}
                <span>{t('library.added', { date: t.date(article.importedAt) })}</span>
                <span>{t.plural('library.highlights', article.highlights)}</span>
                {article.progress && (
                  <span>{t('library.progress', { percent: t.percent(article.progress.fraction) })}</span>
                )}
              </span>
              {index < withActions && actions?.(article)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
