import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { forgetUnsavedDraft, retryUnsavedDraft, useUnsavedDrafts } from './unsaved-drafts';

/**
 * Notes that could not be saved after their editor closed: shown with their text, to save again, copy or
 * let go. Only the reader lets one go; nothing here disappears on its own.
 */
export function UnsavedDraftsNotice() {
  const t = useT();
  const message = useErrorMessage();
  const drafts = useUnsavedDrafts();
  if (drafts.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      {drafts.map((draft) => (
        <div key={draft.id} className="unsaved-draft">
          <p>{t('autosave.lost', { message: message(draft.error) })}</p>
          <blockquote dir="auto">{draft.text}</blockquote>
          <button type="button" className="primary small" onClick={() => void retryUnsavedDraft(draft)}>
            {t('error.retry')}
          </button>
          <button
            type="button"
            className="icon-button small"
            onClick={() => void navigator.clipboard?.writeText(draft.text)}
          >
            {t('highlight.copy')}
          </button>
          <button type="button" className="icon-button small" onClick={() => forgetUnsavedDraft(draft.id)}>
            {t('autosave.letGo')}
          </button>
        </div>
      ))}
    </div>
  );
}
