import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import type { AutosaveState } from './use-autosave';

/**
 * Where a self-saving note stands, in a word beside its editor. "Saved" is announced politely (role=status);
 * "Saving…" is shown but not announced: it would be read out at every pause in typing.
 */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const t = useT();
  const busy = state.kind === 'pending' || state.kind === 'saving';
  return (
    <span className="save-state">
      {busy && <span aria-hidden="true">{t('highlight.saving')}</span>}
      <span role="status">{state.kind === 'saved' ? t('highlight.saved') : null}</span>
    </span>
  );
}

/** Why the note was not saved, announced at once (role=alert), saying the text is still there. */
export function SaveError({ state }: { state: AutosaveState }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  if (state.kind !== 'failed') return null;
  return (
    <p className="inline-error" role="alert">
      {t('highlight.saveFailed', { message: errorMessage(state.error) })}
    </p>
  );
}
