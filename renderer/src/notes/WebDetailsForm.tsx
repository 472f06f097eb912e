import { useState } from 'react';
import type { WebSource } from '../../../shared/article-model';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';

type Props = {
  articleId: string;
  web: WebSource;
  onDone: (web: WebSource | null) => void;
};

const FIELDS = ['site', 'author', 'published', 'url'] as const;

/** Edits what a saved page says about itself: site, author, date and its address. */
export function WebDetailsForm({ articleId, web, onDone }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [values, setValues] = useState(() => ({
    site: web.site ?? '',
    author: web.author ?? '',
    published: web.published ?? '',
    url: web.url,
  }));
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const result = await call('setWebDetails', { id: articleId, ...values });
    if (!result.ok) return setError(message(result.error));
    onDone(result.value);
  };

  return (
    <form
      className="web-details"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {FIELDS.map((field) => (
        <label key={field}>
          {t(`web.${field}`)}
          <input
            value={values[field]}
            dir={field === 'url' || field === 'published' ? 'ltr' : 'auto'}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            onKeyDown={(event) => event.key === 'Escape' && onDone(null)}
          />
        </label>
      ))}
      {error && (
        <p className="notice-inline" role="alert" dir="auto">
          {error}
        </p>
      )}
      <span>
        <button type="submit" className="primary small">
          {t('library.save')}
        </button>
        <button type="button" className="icon-button small" onClick={() => onDone(null)}>
          {t('library.cancel')}
        </button>
      </span>
    </form>
  );
}
