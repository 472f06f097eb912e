import { useCallback, useEffect, useState } from 'react';
import type { BackupSummary } from '../../../shared/contract';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';

/**
 * The library's backups, newest first: a snapshot a day for a week and one before every migration and
 * restore, each verified when written. Restoring one first keeps the current library as a backup.
 */
export function BackupsView({ onBack, onRestored }: { onBack: () => void; onRestored: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    void call('storeStatus', {}).then((result) => result.ok && setBackups(result.value.backups));
  }, []);
  useEffect(load, [load]);

  const kind = {
    daily: t('backups.daily'),
    'pre-migration': t('backups.preMigration'),
    'pre-restore': t('backups.preRestore'),
  };

  return (
    <section className="library backups" aria-labelledby="backups-title">
      <header className="library-header">
        <h1 id="backups-title">{t('backups.title')}</h1>
        <button type="button" className="icon-button" onClick={onBack}>
          {t('library.backToLibrary')}
        </button>
      </header>
      <p className="muted">{t('backups.help')}</p>
      {status && (
        <p className="notice" role="status" dir="auto">
          {status}
        </p>
      )}
      {backups.length === 0 ? (
        <p className="empty">{t('backups.none')}</p>
      ) : (
        <ul className="library-list">
          {backups.map((backup) => (
            <li key={backup.name} className="library-item card">
              <span className="library-item-title">{t.date(backup.createdAt)}</span>
              <span className="library-item-meta muted">
                <span>{kind[backup.kind]}</span>
                <span>{t('backups.files', { count: t.number(backup.files) })}</span>
                <span>{backup.verified ? t('backups.verified') : t('backups.unverified')}</span>
              </span>
              <button
                type="button"
                className="icon-button small"
                onClick={() =>
                  void call('restoreBackup', { name: backup.name }).then((result) => {
                    setStatus(
                      result.ok
                        ? t('store.restored', { name: t.date(backup.createdAt) })
                        : message(result.error),
                    );
                    load();
                    if (result.ok) onRestored();
                  })
                }
              >
                {t('backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
