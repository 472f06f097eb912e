import { useEffect, useState } from 'react';
import { call } from '../api';
import { useT } from '../i18n/I18nProvider';
import './sync.css';

/**
 * Above an article with notes a sync left in conflict: how many, and the way to the conflicts view. Asked
 * for once the reader's first screen is painted, so it never delays the text.
 */
export function ConflictNotice({ articleId, onResolve }: { articleId: string; onResolve: () => void }) {
  const t = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void call('syncConflicts', {}).then((result) => {
      if (live && result.ok) setCount(result.value.filter((c) => c.articleId === articleId).length);
    });
    return () => {
      live = false;
    };
  }, [articleId]);
  if (count === 0) return null;
  return (
    <div className="conflict-notice">
      <button type="button" className="sync-conflicts-link" onClick={onResolve}>
        {t.plural('conflicts.inArticle', count)}
      </button>
    </div>
  );
}
