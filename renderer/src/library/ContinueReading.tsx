import { BookOpenText } from 'lucide-react';
import type { ArticleSummary } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';

/**
 * The article read last, with how far the reader got: one click anywhere on the card puts them back where
 * they stopped. The button's name is its visible text ("Resume"); the title and progress describe it.
 */
export function ContinueReading({
  article,
  onOpen,
}: {
  article: ArticleSummary;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const fraction = article.progress?.fraction ?? 0;
  return (
    <section className="continue" aria-labelledby="continue-title">
      <h2 id="continue-title" className="section-title">
        {t('library.continue')}
      </h2>
      <div className="continue-card card">
        <BookOpenText aria-hidden="true" size={28} className="continue-icon" />
        <div className="continue-body">
          <span id="continue-article" className="library-item-title" lang={article.lang} dir="auto">
            {article.title}
          </span>
          <span className="meter" aria-hidden="true">
            <span style={{ inlineSize: `${Math.round(fraction * 100)}%` }} />
          </span>
          <span id="continue-meta" className="library-item-meta muted">
            <span>{t('library.progress', { percent: t.percent(fraction) })}</span>
            {article.lastReadAt && <span>{t('library.lastRead', { date: t.date(article.lastReadAt) })}</span>}
          </span>
        </div>
        <button
          type="button"
          className="continue-action card-action"
          aria-describedby="continue-article continue-meta"
          onClick={() => onOpen(article.id)}
        >
          {t('library.resume')}
        </button>
      </div>
    </section>
  );
}
