import { Copy, Trash2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../main/api/contract';
import { useFocusTrap } from '../dialog/focus-trap';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from './color-names';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { TagInput } from '../notes/TagInput';
import { COLORS } from './colors';
import type { HighlightPatch } from './use-highlights';
import { IconButton } from '../IconButton';

type Props = {
  highlight: ResolvedHighlight;
  rect: DOMRect | null;
  suggestions: string[];
  onChange: (patch: HighlightPatch) => Promise<ApiError | null>;
  onDelete: () => void;
  onClose: () => void;
};

/**
 * Everything about one highlight: colour, note (Markdown, shown formatted), tags, copy, delete.
 * A note is shown as saved only after main confirmed the write; on failure the text stays in the editor.
 */
export function HighlightPopover({ highlight, rect, suggestions, onChange, onDelete, onClose }: Props) {
  const t = useT();
  const colorName = useColorName();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState(highlight.note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | ApiError>('idle');
  const [copied, setCopied] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  // Before the effect below moves focus in, so that closing gives focus back to where it came from.
  useFocusTrap(dialogRef);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [highlight.id]);

  const dirty = draft !== highlight.note;
  const saveNote = async () => {
    setState('saving');
    const failure = await onChange({ note: draft });
    setState(failure ?? 'saved');
  };

  const style = rect
    ? {
        top: Math.min(rect.bottom + 8, window.innerHeight - 420),
        left: Math.min(Math.max(8, rect.left), window.innerWidth - 380),
      }
    : undefined;

  return (
    <div
      ref={dialogRef}
      className="popover"
      role="dialog"
      aria-modal="true"
      aria-label={t('highlight.dialog', { color: colorName(highlight.color) })}
      style={style}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
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
        <IconButton label={t('highlight.delete')} onClick={onDelete}>
          <Trash2 aria-hidden="true" size={16} />
        </IconButton>
        <IconButton label={t('highlight.close')} onClick={onClose}>
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
        onChange={(event) => {
          setDraft(event.target.value);
          if (state === 'saved') setState('idle');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void saveNote();
        }}
      />
      <div className="popover-row">
        <button
          type="button"
          className="primary"
          disabled={!dirty || state === 'saving'}
          onClick={() => void saveNote()}
        >
          {state === 'saving' ? t('highlight.saving') : t('highlight.saveNote')}
        </button>
        <span className="save-state" role="status">
          {state === 'saved' && !dirty ? t('highlight.saved') : null}
        </span>
      </div>
      {typeof state === 'object' && (
        <p className="inline-error" role="alert">
          {t('highlight.saveFailed', { message: errorMessage(state) })}
        </p>
      )}
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
