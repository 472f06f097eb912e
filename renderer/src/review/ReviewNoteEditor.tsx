import { useCallback, useEffect, useRef } from 'react';
import type { HighlightEntry } from '../../../shared/contract';
import { call } from '../api';
import { SaveError, SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/use-autosave';
import { useT } from '../i18n/I18nProvider';

type Props = {
  card: HighlightEntry;
  /** A save went through (perhaps after the editor moved on to another card: hence the id). */
  onSaved: (id: string, note: string) => void;
  /** Called once what was typed is saved, when the reader closes the editor (Ctrl/Cmd+Enter or Esc). */
  onClose: () => void;
};

/**
 * A card's note, edited during the review. It saves itself like every other note: after a pause in typing,
 * when the field loses focus and when the editor goes away; a failed save keeps the text and says why.
 */
export function ReviewNoteEditor({ card, onSaved, onClose }: Props) {
  const t = useT();
  const field = useRef<HTMLTextAreaElement>(null);
  const { articleId, id } = card;
  const saveNote = useCallback(
    async (text: string) => {
      const result = await call('updateHighlight', { articleId, id, note: text });
      if (!result.ok) return result.error;
      onSaved(id, result.value.note);
      return null;
    },
    [articleId, id, onSaved],
  );
  const { draft, state, edit, flush } = useAutosave(card.note, saveNote);

  useEffect(() => field.current?.focus(), []);

  const close = () => void flush().then((error) => error === null && onClose());

  return (
    <div className="review-note-editor">
      <label htmlFor="review-note">{t('review.note')}</label>
      <textarea
        id="review-note"
        ref={field}
        dir="auto"
        rows={4}
        value={draft}
        onChange={(event) => edit(event.target.value)}
        onBlur={() => void flush()}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' && (event.ctrlKey || event.metaKey)) || event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close();
          }
        }}
      />
      <p className="muted review-note-hint">{t('review.noteHint')}</p>
      <SaveStatus state={state} />
      <SaveError state={state} />
    </div>
  );
}
