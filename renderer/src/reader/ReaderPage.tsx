import { useEffect, useState } from 'react';
import type { ApiError, ArticleView } from '../../../shared/contract';
import { arrived, openArticle } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ReaderView } from './ReaderView';

/** Opens one article and shows it; reloads it after its content was updated from a newer file. */
export function ReaderPage({
  id,
  at,
  showNotes,
  showContents,
  drawers,
  onClosePanel,
}: {
  id: string;
  /** A passage to bring into view (a search hit). */
  at?: { start: number; end: number };
  showNotes: boolean;
  showContents: boolean;
  drawers: boolean;
  onClosePanel: (panel: 'contents' | 'notes') => void;
}) {
  const t = useT();
  // The attempt an article was loaded by keys its view: the view is replaced only once the reloaded
  // article is here, never mounted on the old one (its highlights would keep the old offsets).
  // An article asked for at startup and already here is shown in the first render, not one later.
  const [loaded, setLoaded] = useState<{ article: ArticleView; attempt: number } | null>(() => {
    const early = arrived('openArticle', { id });
    return early?.ok ? { article: early.value, attempt: 0 } : null;
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void openArticle(id).then((result) => {
      if (!live) return;
      if (result.ok) {
        // The early answer shown from the start comes back here as the same object: nothing to redo.
        setLoaded((shown) =>
          shown?.article === result.value && shown.attempt === attempt
            ? shown
            : { article: result.value, attempt },
        );
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!loaded || loaded.article.id !== id) return <p className="status">{t('reader.loading')}</p>;
  const { article } = loaded;
  return (
    <ReaderView
      key={`${article.id}:${loaded.attempt}`}
      article={article}
      showNotes={showNotes}
      showContents={showContents}
      drawers={drawers}
      onClosePanel={onClosePanel}
      at={loaded.attempt === 0 ? at : undefined}
      updateSummary={summary}
      onReload={(text) => {
        setSummary(text);
        setAttempt((n) => n + 1);
      }}
    />
  );
}
