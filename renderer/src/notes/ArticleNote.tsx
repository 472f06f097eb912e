import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import { SaveError, SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/use-autosave';
import { useT } from '../i18n/I18nProvider';
import { TagInput } from './TagInput';

type Props = {
  note: string;
  tags: string[];
  suggestions: string[];
  /**
   * Resolves to null once saved, or to the error that kept it from being saved. The note's saves carry the
   * `session` of this editor, so that undo takes back the whole writing at once.
   */
  onSave: (patch: { note?: string; tags?: string[] }, session?: string) => Promise<ApiError | null>;
};

let openings = 0;

/**
 * The whole article's own note and tags, at the top of the notes panel. The note saves itself as it is
 * typed, on leaving the field and when the article is closed; a failed save keeps the text and says so.
 */
export function ArticleNote({ note, tags, suggestions, onSave }: Props) {
  const t = useT();
  const [session] = useState(() => `article-note-${++openings}`);
  const saveNote = useCallback((text: string) => onSave({ note: text }, session), [onSave, session]);
  const { draft, state, edit, flush } = useAutosave(note, saveNote);
  return (
    <section className="article-note" aria-labelledby="article-note-title">
      <h3 id="article-note-title">{t('panel.articleNote')}</h3>
      <textarea
        className="note-editor"
        // An empty field has no direction of its own; the placeholder follows the interface language.
        dir={draft.trim() ? 'auto' : t.dir}
        rows={2}
        value={draft}
        aria-labelledby="article-note-title"
        placeholder={t('highlight.notePlaceholder')}
        onChange={(event) => edit(event.target.value)}
        onBlur={() => void flush()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void flush();
          if (event.key === 'Escape') void flush();
        }}
      />
      <SaveStatus state={state} />
      <SaveError state={state} />
      <TagInput
        label={t('panel.articleTags')}
        tags={tags}
        suggestions={suggestions}
        onChange={(next) => void onSave({ tags: next })}
      />
    </section>
  );
}
