import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import { call } from '../api';
import { useT } from '../i18n/I18nProvider';

/** Articles in the trash: restore one, or empty the trash for good. */
export function TrashView({ onBack, onChanged }: { onBack: () => void; onChanged: () => void }) {
  const t = useT();
  const [trashed, setTrashed] = useState<ArticleSummary[]>([]);
  const load = useCallback(() => {
    void call('listTrash', {}).then((result) => result.ok && setTrashed(result.value));
  }, []);
  useEffect(load, [load]);

  return (
    <section className="library trash" aria-labelledby="trash-title">
      <header className="library-header">
        <h1 id="trash-title">{t('library.trash')}</h1>
        <button type="button" className="icon-button" onClick={onBack}>
          {t('library.backToLibrary')}
        </button>
      </header>
      {trashed.length === 0 ? (
        <p className="empty">{t('library.trashEmpty')}</p>
      ) : (
        <>
          <ul className="library-list">
            {trashed.map((article) => (
              <li key={article.id} className="library-item card">
                <span className="library-item-title" dir="auto">
                  {article.title}
                </span>
                <button
                  type="button"
                  className="icon-button small"
                  onClick={() =>
                    void call('untrashArticle', { id: article.id }).then(() => {
                      load();
                      onChanged();
                    })
                  }
                >
                  {t('library.restore')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="icon-button danger"
            onClick={() => void call('emptyTrash', {}).then(load)}
          >
            {t('library.emptyTrash')}
          </button>
        </>
      )}
    </section>
  );
}
