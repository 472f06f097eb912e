import { Copy, Trash2, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../shared/contract';
import { SaveError, SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/use-autosave';
import { useFocusTrap } from '../dialog/focus-trap';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from './color-names';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { TagInput } from '../notes/TagInput';
import { COLORS } from './colors';
import type { HighlightPatch } from './use-highlights';
import { IconButton } from '../IconButton';
import { useFloatingPosition } from './use-floating-position';

type Props = {
  highlight: ResolvedHighlight;
  /** The highlighted passage on screen, or null for an orphan. */
  passage: Range | null;
  suggestions: string[];
  onChange: (patch: HighlightPatch) => Promise<ApiError | null>;
  /** Saves the note as typed; the saves of one `session` (one opening of the popover) undo as one step. */
  onNote: (note: string, session: string) => Promise<ApiError | null>;
  onDelete: () => void;
  onClose: () => void;
};

// Each opening of a popover is one writing session of its note.
let openings = 0;

/**
 * Everything about one highlight: colour, note (Markdown, shown formatted), tags, copy, delete.
 * The note saves itself as it is typed and when the popover closes; it is shown as saved only after main
 * confirmed the write. A save that failed keeps the text in the editor and keeps the popover open on Esc.
 */
export function HighlightPopover(props: Props) {
  const { highlight, passage, suggestions, onChange, onNote, onDelete, onClose } = props;
  const t = useT();
  const colorName = useColorName();
  const [session] = useState(() => `note-${++openings}`);
  const saveNote = useCallback((note: string) => onNote(note, session), [onNote, session]);
  const { draft, state, edit, flush, discard } = useAutosave(highlight.note, saveNote);
  const [copied, setCopied] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  // Before the effect below moves focus in, so that closing gives focus back to where it came from.
  useFocusTrap(dialogRef);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [highlight.id]);

  const close = useCallback(async () => {
    if ((await flush()) === null) onClose();
  }, [flush, onClose]);
  const remove = async () => {
    // Saved first, so that undoing the deletion brings the note back as last typed.
    await flush();
    discard();
    onDelete();
  };

  // Below the passage, or above it when there is more room there: never over the passage being annotated.
  // A highlight with no place in the text (an orphan) has no passage: the popover then keeps its corner.
  useFloatingPosition(dialogRef, passage, 'bottom');

  return (
    <div
      ref={dialogRef}
      className="popover"
      role="dialog"
      aria-modal="true"
      aria-label={t('highlight.dialog', { color: colorName(highlight.color) })}
      data-placed={passage ? 'beside' : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          void close();
        }
      }}
    >
      <div className="popover-row">
        <div role="radiogroup" aria-label={t('highlight.color')} className="swatches">
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={color === highlight.color}
              className={`swatch swatch-${color}`}
              aria-label={colorName(color)}
              title={colorName(color)}
              onClick={() => void onChange({ color })}
            />
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="icon-only"
          aria-label={copied ? t('highlight.copied') : t('highlight.copy')}
          title={t('highlight.copy')}
          onClick={() =>
            void navigator.clipboard?.writeText(highlight.target.exact).then(() => setCopied(true))
          }
        >
          <Copy aria-hidden="true" size={16} />
        </button>
        <IconButton label={t('highlight.delete')} onClick={() => void remove()}>
          <Trash2 aria-hidden="true" size={16} />
        </IconButton>
        <IconButton label={t('highlight.close')} onClick={() => void close()}>
          <X aria-hidden="true" size={16} />
        </IconButton>
      </div>
      <blockquote className="popover-quote" dir="auto">
        {highlight.target.exact}
      </blockquote>
      <label className="field-label" htmlFor={`note-${highlight.id}`}>
        {t('highlight.note')}
      </label>
      <textarea
        id={`note-${highlight.id}`}
        className="note-editor"
        // An empty field has no direction of its own; the placeholder follows the interface language.
        dir={draft.trim() ? 'auto' : t.dir}
        rows={4}
        value={draft}
        placeholder={t('highlight.notePlaceholder')}
        onChange={(event) => edit(event.target.value)}
        onBlur={() => void flush()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void flush();
        }}
      />
      <div className="popover-row">
        <button type="button" className="primary" onClick={() => void flush()}>
          {t('highlight.saveNote')}
        </button>
        <SaveStatus state={state} />
      </div>
      <SaveError state={state} />
      {highlight.note && (
        <div className="note-preview">
          <NoteMarkdown source={highlight.note} />
        </div>
      )}
      <TagInput
        label={t('highlight.tags')}
        tags={highlight.tags}
        suggestions={suggestions}
        onChange={(tags) => void onChange({ tags })}
      />
    </div>
  );
}
