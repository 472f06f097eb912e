import { RefreshCw } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { SyncSettingsView } from '../../../shared/contract';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { SyncStatusLine } from './SyncStatusLine';
import { useSync, type SyncPanelState } from './use-sync';
import './sync.css';

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/**
 * Settings → Sync: the CouchDB database's address, user name and password (never shown back: the panel only
 * says whether one is kept), what travels, automatic sync, "Sync now" with what it did, and "Forget".
 */
export function SyncSettings({
  onOpenConflicts,
  onSynced,
}: {
  onOpenConflicts: () => void;
  onSynced: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const sync = useSync(onSynced);
  const { view } = sync;
  return (
    <section className="settings-group sync-settings" aria-labelledby="sync-title">
      <h3 id="sync-title">
        <RefreshCw aria-hidden="true" size={16} />
        {t('sync.title')}
      </h3>
      <p className="muted small">{t('sync.help')}</p>
      {/* The form starts from what is kept, and afresh after "Forget". */}
      {view && <SyncForm key={view.url ?? ''} view={view} sync={sync} />}
      <SyncStatusLine state={sync} errorMessage={errorMessage} onOpenConflicts={onOpenConflicts} />
    </section>
  );
}

function SyncForm({ view, sync }: { view: SyncSettingsView; sync: SyncPanelState }) {
  const t = useT();
  const [url, setUrl] = useState(view.url ?? '');
  const [username, setUsername] = useState(view.username ?? '');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [includeSettings, setIncludeSettings] = useState(view.includeSettings);
  const [auto, setAuto] = useState(view.url ? view.auto : true);
  const [urlProblem, setUrlProblem] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    if (!WEB_ADDRESS.test(address)) {
      setUrlProblem(true);
      return;
    }
    setUrlProblem(false);
    void sync
      .save({
        url: address,
        // Left out when empty, so a user name written in the address (https://name@…) is the one kept.
        ...(username.trim() || view.username ? { username: username.trim() } : {}),
        ...(password ? { password } : {}),
        ...(passphrase ? { passphrase } : {}),
        includeSettings,
        auto,
      })
      .then((saved) => {
        if (!saved) return;
        setPassword('');
        setPassphrase('');
      });
  };

  /** A switch applies at once when a server is already kept; otherwise it waits for "Save". */
  const toggle = (patch: { auto?: boolean; includeSettings?: boolean }) => {
    if (view.url) void sync.save({ url: view.url, ...patch });
  };

  return (
    <form className="sync-form" noValidate onSubmit={submit}>
      <label htmlFor="sync-url">{t('sync.url')}</label>
      <input
        id="sync-url"
        type="url"
        dir="ltr"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://couch.example.org/hamish"
        aria-invalid={urlProblem || undefined}
        aria-describedby={urlProblem ? 'sync-url-problem' : undefined}
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      {urlProblem && (
        <p id="sync-url-problem" className="inline-error" role="alert">
          {t('sync.urlInvalid')}
        </p>
      )}
      <label htmlFor="sync-username">{t('sync.username')}</label>
      <input
        id="sync-username"
        type="text"
        dir="auto"
        autoComplete="username"
        spellCheck={false}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor="sync-password">{t('sync.password')}</label>
      <input
        id="sync-password"
        type="password"
        dir="ltr"
        autoComplete="current-password"
        aria-describedby="sync-password-kept"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p id="sync-password-kept" className="muted small">
        {view.hasPassword ? t('sync.passwordKept') : t('sync.passwordNone')}
      </p>
      <label htmlFor="sync-passphrase">{t('sync.passphrase')}</label>
      <input
        id="sync-passphrase"
        type="password"
        dir="ltr"
        autoComplete="new-password"
        aria-describedby="sync-passphrase-kept"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <p id="sync-passphrase-kept" className="muted small">
        {view.encrypted ? t('sync.passphraseKept') : t('sync.passphraseNone')}
      </p>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={includeSettings}
          onChange={(event) => {
            setIncludeSettings(event.target.checked);
            toggle({ includeSettings: event.target.checked });
          }}
        />
        <span>{t('sync.includeSettings')}</span>
      </label>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={auto}
          onChange={(event) => {
            setAuto(event.target.checked);
            toggle({ auto: event.target.checked });
          }}
        />
        <span>{t('sync.auto')}</span>
      </label>
      <div className="sync-buttons">
        <button type="submit" className="icon-button">
          {t('sync.save')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!view.url || sync.syncing}
          onClick={() => void sync.syncNow()}
        >
          {sync.syncing ? t('sync.running') : t('sync.now')}
        </button>
        {view.url && (
          <button type="button" className="icon-button danger" onClick={() => void sync.forget()}>
            {t('sync.forget')}
          </button>
        )}
      </div>
    </form>
  );
}
