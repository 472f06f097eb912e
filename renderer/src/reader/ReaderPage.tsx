import { useEffect, useState } from 'react';
import type { ApiError, ArticleView } from '../../../main/api/contract';
import { call } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ReaderView } from './ReaderView';

/** Opens one article and shows it; reloads it after its content was updated from a newer file. */
export function ReaderPage({ id, showNotes }: { id: string; showNotes: boolean }) {
  const t = useT();
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('openArticle', { id }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setArticle(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!article || article.id !== id) return <p className="status">{t('reader.loading')}</p>;
  return (
    <ReaderView
      key={`${article.id}:${attempt}`}
      article={article}
      showNotes={showNotes}
      updateSummary={summary}
      onReload={(text) => {
        setSummary(text);
        setAttempt((n) => n + 1);
      }}
    />
  );
}
