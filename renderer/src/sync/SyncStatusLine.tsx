import type { ApiError } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { syncTime } from './sync-time';
import type { SyncPanelState } from './use-sync';

type Props = {
  state: SyncPanelState;
  errorMessage: (error: ApiError) => string;
  onOpenConflicts: () => void;
};

/**
 * What sync last did, in words: when, how many documents went each way, the notes left in conflict (with the
 * way to resolve them), or why it failed. An automatic sync's failure shows here too (from the status).
 */
export function SyncStatusLine({ state, errorMessage, onOpenConflicts }: Props) {
  const t = useT();
  const { view, status, outcome, conflicts } = state;
  const report = outcome?.kind === 'synced' ? outcome.report : status?.lastResult;
  // The status keeps only code and message; the address is the one kept.
  const failure: ApiError | null =
    outcome?.kind === 'failed'
      ? outcome.error
      : outcome?.kind !== 'synced' && status?.error
        ? {
            code: status.error.code as ApiError['code'],
            message: status.error.message,
            file: view?.url ?? '',
          }
        : null;

  return (
    <div className="sync-status">
      <p role="status" className="sync-last">
        {status?.running || state.syncing
          ? t('sync.running')
          : status?.lastSyncAt
            ? t('sync.last', { time: syncTime(status.lastSyncAt, t.language) })
            : t('sync.never')}
      </p>
      {report && !failure && (
        <p className="sync-counts" data-testid="sync-counts">
          {t('sync.counts', {
            sent: report.sent,
            received: report.received,
            conflicts: report.conflicts.length,
          })}
        </p>
      )}
      {outcome?.kind === 'saved' && <p className="muted small">{t('sync.saved')}</p>}
      {outcome?.kind === 'forgotten' && <p className="muted small">{t('sync.forgotten')}</p>}
      {failure && (
        <p className="inline-error sync-error" role="alert" dir="auto">
          {errorMessage(failure)}
        </p>
      )}
      {conflicts > 0 && (
        <button type="button" className="sync-conflicts-link" onClick={onOpenConflicts}>
          {t.plural('sync.conflicts', conflicts)}
        </button>
      )}
    </div>
  );
}
