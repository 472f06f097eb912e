import { useCallback, useEffect, useState } from 'react';
import type { ApiError, PendingSave, SaveOutcome } from '../../../shared/contract';
import { call } from '../api';

/**
 * Saving links from the library: one at a time, with the address being fetched shown while it works, a way
 * to cancel it, and the saves that waited for the network (listed; retried when asked, or when the system
 * says the network is back).
 */
export function useSaveLink(onDone: (outcomes: SaveOutcome[]) => void) {
  const [saving, setSaving] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSave[]>([]);

  const refreshPending = useCallback(async () => {
    const result = await call('listPendingSaves', {});
    if (result.ok) setPending(result.value);
  }, []);

  const failed = (url: string, error: ApiError): SaveOutcome => ({
    ok: false,
    file: url,
    code: error.code,
    message: error.message,
    queued: false,
  });

  const save = useCallback(
    async (url: string) => {
      setSaving(url);
      const result = await call('saveLink', { url });
      setSaving(null);
      onDone([result.ok ? result.value : failed(url, result.error)]);
      await refreshPending();
    },
    [onDone, refreshPending],
  );

  const retry = useCallback(async () => {
    setSaving(pending[0]?.url ?? '');
    const result = await call('retryPendingSaves', {});
    setSaving(null);
    if (result.ok) onDone(result.value);
    await refreshPending();
  }, [onDone, pending, refreshPending]);

  const cancel = useCallback(() => void call('cancelSave', {}), []);

  // The saves waiting were asked for by the person: when the network comes back, they go ahead.
  useEffect(() => {
    if (pending.length === 0 || saving !== null) return;
    const onOnline = () => void retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [pending, saving, retry]);

  return { saving, pending, save, retry, cancel, refreshPending };
}
