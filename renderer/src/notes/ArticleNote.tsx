import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { TagInput } from './TagInput';

type Props = {
  note: string;
  tags: string[];
  suggestions: string[];
  onSave: (patch: { note?: string; tags?: string[] }) => Promise<boolean>;
};

/** The whole article's own note and tags, at the top of the notes panel. */
export function ArticleNote({ note, tags, suggestions, onSave }: Props) {
  const t = useT();
  const [draft, setDraft] = useState(note);
  const [failed, setFailed] = useState(false);
  const dirty = draft !== note;
  const save = async () => setFailed(!(await onSave({ note: draft })));
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
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
        }}
      />
      {dirty && (
        <button type="button" className="primary small" onClick={() => void save()}>
          {t('highlight.saveNote')}
        </button>
      )}
      {failed && (
        <p className="inline-error" role="alert">
          {t('panel.articleNoteFailed')}
        </p>
      )}
      <TagInput
        label={t('panel.articleTags')}
        tags={tags}
        suggestions={suggestions}
        onChange={(next) => void onSave({ tags: next })}
      />
    </section>
  );
}
