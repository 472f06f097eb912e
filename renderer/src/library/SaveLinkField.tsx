import { Link2, RotateCw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { PendingSave } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { bindShortcuts } from '../shortcuts/use-shortcut-keys';

type Props = {
  saving: string | null;
  pending: PendingSave[];
  onSave: (url: string) => void;
  onCancel: () => void;
  onRetry: () => void;
};

/**
 * "Save a link": an address typed or pasted here is fetched by the app and kept offline. Ctrl/Cmd+L
 * focuses it; Esc cancels a save in progress. Saves that waited for the network can be retried.
 */
export function SaveLinkField({ saving, pending, onSave, onCancel, onRetry }: Props) {
  const t = useT();
  const [url, setUrl] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const taken = bindShortcuts(event, {
        saveLink: () => {
          input.current?.focus();
          input.current?.select();
        },
      });
      // Esc (a registered shortcut) also stops a save under way, from the address field too, where the
      // other shortcuts leave the field its keys.
      if (!taken && event.key === 'Escape' && saving !== null) onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saving, onCancel]);

  return (
    <div className="library-tools save-link">
      <form
        className="library-search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const typed = url.trim();
          if (typed === '' || saving !== null) return;
          // "news.example/article" as typed in a browser's address bar means its https address; any other
          // scheme is sent as it is, for main to refuse with its reason.
          onSave(/^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`);
          setUrl('');
        }}
      >
        <Link2 aria-hidden="true" size={16} />
        <input
          ref={input}
          type="url"
          value={url}
          dir="ltr"
          placeholder={t('web.placeholder')}
          aria-label={t('web.field')}
          aria-keyshortcuts="Control+L Meta+L"
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" className="icon-button" disabled={saving !== null}>
          {t('web.save')}
        </button>
      </form>
      {saving !== null && (
        <div className="import-progress" role="status">
          <progress />
          <span>
            {t('web.saving')} <bdi dir="ltr">{saving}</bdi>
          </span>
          <button type="button" className="icon-button small" onClick={onCancel}>
            {t('web.cancel')}
          </button>
        </div>
      )}
      {saving === null && pending.length > 0 && (
        <div className="import-progress" role="status">
          <span>{t('web.pending', { count: t.number(pending.length) })}</span>
          <button type="button" className="icon-button small" onClick={onRetry}>
            <RotateCw aria-hidden="true" size={14} />
            {t('web.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
