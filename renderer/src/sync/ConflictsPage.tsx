import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Inputs, SyncConflict } from '../../../shared/contract';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ConflictCard } from './ConflictCard';
import './sync.css';

type Props = {
  onBack: () => void;
  onOpen: (articleId: string) => void;
};

/**
 * The notes a sync left in conflict: each with both texts and the passage it belongs to. Keeping one, both,
 * or a merged text resolves it here, and the next sync carries the choice to the other computers.
 */
export function ConflictsPage({ onBack, onOpen }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    void call('syncConflicts', {}).then((result) => {
      if (result.ok) setConflicts(result.value);
      else setError(result.error);
    });
  }, []);

  const resolve = useCallback(
    async (conflict: SyncConflict, keep: Inputs['resolveSyncConflict']['keep']) => {
      const result = await call('resolveSyncConflict', { id: conflict.id, keep });
      if (!result.ok) {
        setError(result.error);
        // What is left to resolve is shown again: the one chosen may be gone or changed.
        if (result.error.code === 'sync-conflict-changed') {
          const now = await call('syncConflicts', {});
          if (now.ok) setConflicts(now.value);
        }
        return false;
      }
      setError(null);
      setConflicts(result.value);
      setDone(t('conflicts.resolved', { title: conflict.articleTitle }));
      return true;
    },
    [t],
  );

  return (
    <section className="library conflicts" aria-labelledby="conflicts-title">
      <header className="library-header">
        <h1 id="conflicts-title">{t('conflicts.title')}</h1>
        <button type="button" className="icon-button" onClick={onBack}>
          {t('library.backToLibrary')}
        </button>
      </header>
      <p className="muted">{t('conflicts.help')}</p>
      <p role="status" className="muted" dir="auto">
        {done}
      </p>
      {error && (
        <p className="inline-error" role="alert" dir="auto">
          {errorMessage(error)}
        </p>
      )}
      {conflicts === null ? (
        <p className="status">{t('status.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p className="empty">{t('conflicts.none')}</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              onResolve={(keep) => resolve(conflict, keep)}
              onOpen={() => onOpen(conflict.articleId)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
