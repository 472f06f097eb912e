import type { ArticleSummary } from '../../../main/api/contract';
import { useT } from '../i18n/I18nProvider';

/** The list of articles: title, opening words, date added, highlights, progress. */
export function LibraryView({
  articles,
  onOpen,
}: {
  articles: ArticleSummary[];
  onOpen: (id: string) => void;
}) {
  const t = useT();
  return (
    <section className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">{t('library.title')}</h1>
        <p className="muted">{t.plural('library.count', articles.length)}</p>
      </header>
      {articles.length === 0 ? (
        <p className="empty">{t('library.empty')}</p>
      ) : (
        <ul className="library-list">
          {articles.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="library-item"
                onClick={() => onOpen(article.id)}
                aria-label={t('library.open', { title: article.title })}
              >
                <span className="library-item-title" lang={article.lang} dir="auto">
                  {article.title}
                </span>
                <span className="library-item-first-line" lang={article.lang} dir="auto">
                  {article.firstLine}
                </span>
                <span className="library-item-meta muted">
                  <span>{t('library.added', { date: t.date(article.importedAt) })}</span>
                  <span>{t.plural('library.highlights', article.highlights)}</span>
                  {article.progress && (
                    <span>{t('library.progress', { percent: t.percent(article.progress.fraction) })}</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
