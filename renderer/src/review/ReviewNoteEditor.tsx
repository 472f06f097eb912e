import { useEffect, useRef, useState } from 'react';
import type { HighlightEntry } from '../../../main/api/contract';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';

type Props = {
  card: HighlightEntry;
  onSaved: (note: string) => void;
  onClose: () => void;
};

/**
 * A card's note, edited during the review. It saves itself like the notes panel does: when the field
 * loses focus, on Ctrl/Cmd+Enter, and on Esc before closing; nothing to press "save" for.
 */
export function ReviewNoteEditor({ card, onSaved, onClose }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [text, setText] = useState(card.note);
  const [status, setStatus] = useState('');
  const saved = useRef(card.note);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), []);

  const save = async (): Promise<boolean> => {
    if (text === saved.current) return true;
    const result = await call('updateHighlight', { articleId: card.articleId, id: card.id, note: text });
    if (!result.ok) {
      setStatus(message(result.error));
      return false;
    }
    saved.current = result.value.note;
    setStatus('');
    onSaved(result.value.note);
    return true;
  };

  return (
    <div className="review-note-editor">
      <label htmlFor="review-note">{t('review.note')}</label>
      <textarea
        id="review-note"
        ref={field}
        dir="auto"
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save().then((ok) => ok && onClose());
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            void save().then((ok) => ok && onClose());
          }
        }}
      />
      <p className="muted review-note-hint">{t('review.noteHint')}</p>
      <p role="status" className="review-note-status">
        {status}
      </p>
    </div>
  );
}
