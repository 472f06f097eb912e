/**
 * Sync with a CouchDB database (docs/SYNC.md): the settings, "sync now", the status the settings panel shows,
 * and the notes left in conflict. The password is kept only as ciphertext of the key store the app provides
 * (Electron's safeStorage); without one (the command line) it is held in memory for the session only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../store';
import { configFile, emptyConfig, splitCredentials, type SyncConfig } from '../sync/config';
import { listConflicts, resolveConflict } from '../sync/conflicts';
import { runSync } from '../sync/engine';
import type { SyncReport, SyncSettingsView, SyncStatus } from '../../shared/sync-model';
import { SYNC_FOLDER } from '../sync/state';
import { SyncError } from '../sync/sync-error';
import type { Inputs, Outputs } from './contract';
import { toApiError } from './errors';

/** Encrypts secrets with the system's key store: the app passes Electron's safeStorage through this. */
export type SecretBox = {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
};

type Deps = {
  store: Store;
  now: () => Date;
  secrets?: SecretBox;
  /** A password given for this session only (the command line's HAMISH_SYNC_PASSWORD). */
  password?: string;
  /** An encryption passphrase for this session only (the command line's HAMISH_SYNC_PASSPHRASE). */
  passphrase?: string;
  /** Told which articles a sync changed, so cached text and the search index follow. */
  articlesChanged: (ids: readonly string[]) => void;
};

type Methods = {
  [
    M in
      | 'syncSettings'
      | 'configureSync'
      | 'forgetSync'
      | 'syncNow'
      | 'syncStatus'
      | 'syncConflicts'
      | 'resolveSyncConflict'
  ]: (input: Inputs[M]) => Promise<Outputs[M]>;
};

function viewOf(
  config: SyncConfig,
  sessionPassword: string | null,
  sessionPassphrase: string | null,
): SyncSettingsView {
  return {
    encrypted: (config.passphraseCipher ?? null) !== null || sessionPassphrase !== null,
    url: config.url,
    username: config.username,
    hasPassword: config.passwordCipher !== null || sessionPassword !== null,
    auto: config.auto,
    includeSettings: config.includeSettings,
  };
}

export function syncMethods({ store, now, secrets, password, passphrase, articlesChanged }: Deps): Methods {
  const file = configFile(store.dataDir);
  let sessionPassword: string | null = password ?? null;
  let sessionPassphrase: string | null = passphrase ?? null;
  let running: Promise<unknown> | null = null;
  let lastResult: SyncReport | null = null;
  let lastError: SyncStatus['error'] = null;
  // Settings, syncs and resolutions run one at a time: each reads and writes the sync folder's files.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  const readConfig = async () => (await file.read()) ?? emptyConfig();
  async function writeConfig(config: SyncConfig): Promise<void> {
    await fs.mkdir(path.join(store.dataDir, SYNC_FOLDER), { recursive: true });
    await file.write(config);
  }

  function opened(session: string | null, cipher: string | null | undefined): string | null {
    if (session !== null) return session;
    if (!cipher || !secrets?.available()) return null;
    return secrets.decrypt(Buffer.from(cipher, 'base64'));
  }

  /** A secret kept sealed by the key store when there is one, else for this session only: [cipher, session]. */
  function keep(secret: string): [string | null, string | null] {
    if (secrets?.available()) return [secrets.encrypt(secret).toString('base64'), null];
    return [null, secret];
  }

  async function syncOnce(): Promise<SyncReport> {
    const config = await readConfig();
    if (!config.url) {
      throw new SyncError(
        'sync-not-configured',
        'Sync is not set up: give the address of a CouchDB database first.',
      );
    }
    const target = {
      url: config.url,
      username: config.username,
      password: opened(sessionPassword, config.passwordCipher),
      passphrase: opened(sessionPassphrase, config.passphraseCipher),
    };
    const run = await runSync(store, target, { includeSettings: config.includeSettings });
    if (run.changedArticles.length > 0) articlesChanged(run.changedArticles);
    const at = now().toISOString();
    const conflicts = await listConflicts(store);
    await writeConfig({
      ...config,
      last: { sent: run.sent, received: run.received, conflicts: conflicts.length, at },
    });
    return { sent: run.sent, received: run.received, conflicts, at };
  }

  return {
    syncSettings: async () => viewOf(await readConfig(), sessionPassword, sessionPassphrase),

    configureSync: (input) =>
      serial(async () => {
        const given = splitCredentials(input.url);
        const config = await readConfig();
        const secret = input.password ?? given.password;
        const next: SyncConfig = {
          ...config,
          url: given.url,
          username: input.username ?? given.username ?? (config.url === given.url ? config.username : null),
          auto: input.auto ?? config.auto,
          includeSettings: input.includeSettings ?? config.includeSettings,
        };
        if (config.url !== given.url && secret === null) next.passwordCipher = null;
        // Without a key store to protect them, secrets are kept in memory for this session, never written.
        if (secret !== null && secret !== undefined) [next.passwordCipher, sessionPassword] = keep(secret);
        if (input.passphrase === '') [next.passphraseCipher, sessionPassphrase] = [null, null];
        else if (input.passphrase !== undefined)
          [next.passphraseCipher, sessionPassphrase] = keep(input.passphrase);
        await writeConfig(next);
        return viewOf(next, sessionPassword, sessionPassphrase);
      }),

    forgetSync: () =>
      serial(async () => {
        sessionPassword = null;
        sessionPassphrase = null;
        const next = { ...emptyConfig(), last: (await readConfig()).last };
        await writeConfig(next);
        return viewOf(next, null, null);
      }),

    syncNow: () => {
      if (running) {
        return Promise.reject(new SyncError('sync-busy', 'A sync is already running.'));
      }
      const run = serial(syncOnce).then(
        (report) => {
          lastResult = report;
          lastError = null;
          return report;
        },
        (error: unknown) => {
          const { code, message } = toApiError(error);
          lastError = { code, message };
          throw error;
        },
      );
      running = run.then(
        () => (running = null),
        () => (running = null),
      );
      return run;
    },

    syncStatus: async () => {
      const config = await readConfig();
      return {
        configured: config.url !== null,
        lastSyncAt: lastResult?.at ?? config.last?.at ?? null,
        lastResult,
        running: running !== null,
        error: lastError,
      };
    },

    syncConflicts: () => serial(() => listConflicts(store)),

    resolveSyncConflict: ({ id, keep }) =>
      serial(async () => {
        await resolveConflict(store, id, keep, now);
        return listConflicts(store);
      }),
  };
}
