import type { Method } from '../../shared/methods';
import type { Service } from '../api/service';

/** Calls that change what a sync sends. */
const CHANGES: ReadonlySet<Method> = new Set<Method>([
  'saveProgress',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'setArticleNote',
  'renameArticle',
  'trashArticle',
  'untrashArticle',
  'emptyTrash',
  'importData',
  'importFromDialog',
  'updateArticleSource',
  'restoreFromDialog',
  'restoreBackup',
  'saveLink',
  'retryPendingSaves',
  'updateFromWeb',
  'setWebDetails',
  'resolveSyncConflict',
]);

/** A change of the reader settings: it changes what a sync sends only when the person chose to sync settings. */
const SETTINGS_CHANGE: Method = 'setSettings';

/** How long after the last change a sync starts: a burst of notes makes one sync, not one each. */
export const AUTO_SYNC_DELAY_MS = 20_000;

/**
 * Automatic sync, when the person turned it on (docs/SYNC.md): once at start, and a while after changes.
 * Failures are left for the settings panel to show (syncStatus); a sync already running makes the next one
 * wait for the following quiet moment.
 */
export function autoSync(
  // Called directly, not through dispatch(): both inputs are the constant `{}`, so there is nothing to
  // validate, and taking only these two methods lets auto-sync.test.ts drive it with a stand-in.
  service: Pick<Service, 'syncSettings' | 'syncNow'>,
  track: <T>(work: Promise<T>) => Promise<T>,
  delayMs = AUTO_SYNC_DELAY_MS,
) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Whether the changes waiting are settings changes only (they need a sync only if settings travel).
  let settingsOnly = true;

  function later(onlySettings = false): void {
    // A library change waiting makes the sync needed whatever follows it.
    settingsOnly = (timer === null || settingsOnly) && onlySettings;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void track(run(settingsOnly)).catch(() => undefined);
    }, delayMs);
    timer.unref?.();
  }

  async function run(onlySettings = false): Promise<void> {
    const settings = await service.syncSettings({});
    if (!settings.url || !settings.auto) return;
    // Read when the sync is due, not when the change was made: the person may have just turned settings on.
    if (onlySettings && !settings.includeSettings) return;
    try {
      await service.syncNow({});
    } catch (error) {
      if ((error as { code?: unknown }).code === 'sync-busy') later(onlySettings);
      throw error;
    }
  }

  return {
    /** At start: one sync, if sync is set up to run by itself. */
    start: () => void track(run()).catch(() => undefined),
    /** After each call from the page: a sync a while after the last change. */
    called: (method: Method) => {
      if (CHANGES.has(method)) later();
      else if (method === SETTINGS_CHANGE) later(true);
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
