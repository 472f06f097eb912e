import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ArticleView } from '../../../main/api/contract';
import { call } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { BlockView } from './BlockView';
import { useReadingPosition } from './use-reading-position';

function Article({ article }: { article: ArticleView }) {
  const t = useT();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const save = useCallback(
    (offset: number, fraction: number) => void call('saveProgress', { id: article.id, offset, fraction }),
    [article.id],
  );
  const fraction = useReadingPosition(scrollerRef, article.blocks, article.progress?.offset ?? null, save);
  return (
    <>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('reader.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className="progress-bar" style={{ inlineSize: `${fraction * 100}%` }} />
      </div>
      <div className="reader-scroll" ref={scrollerRef} tabIndex={-1}>
        <article className="article" lang={article.lang} dir={article.dir} aria-label={t('reader.article')}>
          {article.blocks.map((block, index) => (
            <BlockView key={index} block={block} index={index} />
          ))}
        </article>
      </div>
    </>
  );
}

/** Opens one article and shows it. */
export function ReaderPage({ id }: { id: string }) {
  const t = useT();
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

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
  return <Article key={article.id} article={article} />;
}
