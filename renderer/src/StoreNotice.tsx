import { useEffect, useState } from 'react';
import type { StoreStatus } from '../../shared/contract';
import { call } from './api';
import { useErrorMessage } from './ErrorNotice';
import { useT } from './i18n/I18nProvider';

/**
 * Tells the reader when a damaged file was moved aside (naming it, offering the newest backup that holds it)
 * or when the library is read-only (a file from a newer Hamish). Nothing here ever deletes anything.
 */
export function StoreNotice({ onRestored }: { onRestored: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    void call('storeStatus', {}).then((result) => result.ok && setStatus(result.value));
  }, []);

  if (!status || (status.recoveries.length === 0 && !status.readOnly && !done)) return null;
  const fileName = (file: string) => file.split(/[\\/]/).slice(-2).join('/');

  return (
    <div className="notice notice-warning" role="alert">
      {status.readOnly && <p>{t('store.readOnly', { reason: status.readOnly })}</p>}
      {status.recoveries.map((recovery) => (
        <div key={recovery.movedTo ?? `${recovery.file}\n${recovery.reason}`}>
          <p dir="auto">
            {recovery.movedTo === null
              ? t('store.cutShort', { file: fileName(recovery.file) })
              : t('store.recovered', { file: fileName(recovery.file), movedTo: fileName(recovery.movedTo) })}
          </p>
          {/* What was rebuilt and from where: the store's own words, as for the read-only reason. */}
          <p dir="auto">{t('store.recoveredWhat', { what: recovery.recovered })}</p>
          {recovery.newestBackup && (
            <button
              type="button"
              className="primary small"
              onClick={() => {
                const name = recovery.newestBackup ?? '';
                // The store names files relative to the data folder: library.json, annotations/<id>.json, …
                const relative = recovery.file.endsWith('library.json')
                  ? 'library.json'
                  : fileName(recovery.file);
                void call('restoreBackup', { name, only: [relative] }).then((result) => {
                  if (!result.ok) return setDone(message(result.error));
                  setDone(t('store.restored', { name }));
                  setStatus({ ...status, recoveries: status.recoveries.filter((r) => r !== recovery) });
                  onRestored();
                });
              }}
            >
              {t('store.restoreNewest')}
            </button>
          )}
        </div>
      ))}
      {done && <p role="status">{done}</p>}
      <button
        type="button"
        className="icon-button small"
        onClick={() => setStatus({ recoveries: [], readOnly: null, backups: [] })}
      >
        {t('store.dismiss')}
      </button>
    </div>
  );
}
