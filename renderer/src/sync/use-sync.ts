import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Inputs, SyncReport, SyncSettingsView, SyncStatus } from '../../../shared/contract';
import { call } from '../api';

/** While the sync settings are shown, the status is asked for this often (an automatic sync may finish). */
export const STATUS_POLL_MS = 2_000;

export type SyncPanelState = {
  /** The kept settings; null until main answered. */
  view: SyncSettingsView | null;
  status: SyncStatus | null;
  /** The outcome of the last action taken here (save, sync now, forget), for the line under the buttons. */
  outcome:
    | { kind: 'saved' }
    | { kind: 'forgotten' }
    | { kind: 'synced'; report: SyncReport }
    | { kind: 'failed'; error: ApiError }
    | null;
  syncing: boolean;
  /** Notes left in conflict, waiting for the person. */
  conflicts: number;
  save: (input: Inputs['configureSync']) => Promise<boolean>;
  syncNow: () => Promise<void>;
  forget: () => Promise<void>;
};

/**
 * The sync settings and status for the settings panel: loaded when it opens, the status polled while it is
 * shown, each action's answer kept for the panel to say in words; `onReceived` hears of a sync that brought
 * changes.
 */
export function useSync(onReceived: () => void = () => undefined): SyncPanelState {
  const [view, setView] = useState<SyncSettingsView | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [outcome, setOutcome] = useState<SyncPanelState['outcome']>(null);
  const [syncing, setSyncing] = useState(false);
  const [conflicts, setConflicts] = useState(0);
  // undefined until the first look, so the conflicts are counted once when the panel opens.
  const lastSync = useRef<string | null | undefined>(undefined);

  const refreshStatus = useCallback(async () => {
    const result = await call('syncStatus', {});
    if (!result.ok) return;
    setStatus(result.value);
    // A sync (perhaps an automatic one) finished since the last look: the conflicts may have changed.
    if (result.value.lastSyncAt !== lastSync.current) {
      lastSync.current = result.value.lastSyncAt;
      const listed = await call('syncConflicts', {});
      if (listed.ok) setConflicts(listed.value.length);
    }
  }, []);

  useEffect(() => {
    let live = true;
    void call('syncSettings', {}).then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      else setOutcome({ kind: 'failed', error: result.error });
      void refreshStatus();
    });
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshStatus();
    }, STATUS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [refreshStatus]);

  const save = useCallback(async (input: Inputs['configureSync']) => {
    const result = await call('configureSync', input);
    if (!result.ok) {
      setOutcome({ kind: 'failed', error: result.error });
      return false;
    }
    setView(result.value);
    setOutcome({ kind: 'saved' });
    return true;
  }, []);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    const result = await call('syncNow', {});
    setSyncing(false);
    if (result.ok) {
      setOutcome({ kind: 'synced', report: result.value });
      if (result.value.received > 0) onReceived();
      setConflicts(result.value.conflicts.length);
    } else setOutcome({ kind: 'failed', error: result.error });
    await refreshStatus();
  }, [refreshStatus, onReceived]);

  const forget = useCallback(async () => {
    const result = await call('forgetSync', {});
    if (result.ok) {
      setView(result.value);
      setOutcome({ kind: 'forgotten' });
    } else setOutcome({ kind: 'failed', error: result.error });
    await refreshStatus();
  }, [refreshStatus]);

  return { view, status, outcome, syncing, conflicts, save, syncNow, forget };
}
