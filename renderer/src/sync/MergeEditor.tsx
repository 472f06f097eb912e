import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { NoteMarkdown } from '../notes/NoteMarkdown';

type Props = {
  /** Both texts, one after the other, to be edited into one. */
  initial: string;
  /** Resolves to true once the merged text is kept. */
  onKeep: (text: string) => Promise<boolean>;
  onCancel: () => void;
};

/**
 * A merged text written from both: a Markdown note like any other, with its preview. It is kept only when
 * the person says so (the button or Ctrl/Cmd+Enter): saving a half-merged draft would settle the conflict.
 */
export function MergeEditor({ initial, onKeep, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => field.current?.focus(), []);

  const keep = () => {
    setBusy(true);
    void onKeep(draft).then(() => setBusy(false));
  };

  return (
    <div className="conflict-merge">
      <label htmlFor={`${id}-merged`}>{t('conflicts.mergeLabel')}</label>
      <textarea
        id={`${id}-merged`}
        ref={field}
        className="note-editor"
        dir="auto"
        rows={6}
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            keep();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('conflicts.mergeHint')}
      </p>
      {draft.trim() && (
        <div className="note-preview">
          <NoteMarkdown source={draft} />
        </div>
      )}
      <div className="conflict-actions">
        <button type="button" className="primary" disabled={busy} onClick={keep}>
          {t('conflicts.keepMerged')}
        </button>
        <button type="button" className="icon-button small" onClick={onCancel}>
          {t('conflicts.cancel')}
        </button>
      </div>
    </div>
  );
}
