import { Pencil } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../shared/contract';
import { SaveError, SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/use-autosave';
import { useT } from '../i18n/I18nProvider';
import { NoteMarkdown } from '../notes/NoteMarkdown';

type Props = {
  highlight: ResolvedHighlight;
  raised: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  /** Saves the note as typed; the saves of one editing `session` undo as one step. */
  onSave: (note: string, session: string) => Promise<ApiError | null>;
  /** The element, for measuring its height and placing it. */
  elementRef: (element: HTMLElement | null) => void;
};

/** A passage as named in a label: its start, shortened when long. */
function named(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 60)}…` : quote;
}

// Each opening of a note's editor is one writing session of it (undone as one step).
let sessions = 0;

/** The note's editor in the margin: the same self-saving text as the highlight popover's. */
function Editor({ highlight, onSave, onDone }: Pick<Props, 'highlight' | 'onSave' | 'onDone'>) {
  const t = useT();
  const [session] = useState(() => `margin-note-${++sessions}`);
  const save = useCallback((note: string) => onSave(note, session), [onSave, session]);
  const { draft, state, edit, flush } = useAutosave(highlight.note, save);
  const done = async () => {
    // A note that was not stored keeps its editor open, with the error and the text as typed.
    if ((await flush()) === null) onDone();
  };
  return (
    <div
      className="margin-note-editor"
      onBlur={(event) => {
        // Moving on (a click in the text, Tab past the editor) ends the editing as Done does.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
          void done();
      }}
    >
      <textarea
        className="note-editor"
        aria-label={t('margin.editor', { quote: named(highlight.target.exact) })}
        dir={draft.trim() ? 'auto' : t.dir}
        rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))}
        value={draft}
        placeholder={t('highlight.notePlaceholder')}
        // The editor opens where the reader clicked: typing starts at once.
        autoFocus
        onChange={(event) => edit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
            event.preventDefault();
            event.stopPropagation();
            void done();
          }
        }}
      />
      <div className="popover-row">
        <button type="button" className="primary small" onClick={() => void done()}>
          {t('margin.done')}
        </button>
        <SaveStatus state={state} />
      </div>
      <SaveError state={state} />
    </div>
  );
}

/**
 * One highlight's note beside its passage: shown formatted, edited in place on a click (or Enter on its
 * edit button), the passage itself staying in view.
 */
export function MarginNote({ highlight, raised, editing, onEdit, onDone, onSave, elementRef }: Props) {
  const t = useT();
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  // Closing the editor gives focus back to the note it was opened from.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus({ preventScroll: true });
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li
      ref={elementRef}
      className={`margin-note margin-note-${highlight.color}`}
      data-highlight={highlight.id}
      data-raised={raised || editing ? 'true' : undefined}
      onClick={(event) => {
        if (editing || (event.target instanceof Element && event.target.closest('a, button'))) return;
        onEdit();
      }}
    >
      {editing ? (
        <Editor highlight={highlight} onSave={onSave} onDone={onDone} />
      ) : (
        <>
          <button
            ref={editButton}
            type="button"
            className="icon-only margin-note-edit"
            aria-label={t('margin.edit', { quote: named(highlight.target.exact) })}
            title={t('margin.editShort')}
            onClick={onEdit}
          >
            <Pencil aria-hidden="true" size={14} />
          </button>
          <NoteMarkdown source={highlight.note} />
        </>
      )}
    </li>
  );
}
