import { Pencil, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { WebSource } from '../../../shared/article-model';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import './web-source.css';
import { reanchorSummary } from './reanchor-summary';
import { WebDetailsForm } from './WebDetailsForm';

type Props = {
  articleId: string;
  web: WebSource;
  /** Called after the article was fetched again, with the summary of how its highlights re-anchored. */
  onUpdated: (summary: string) => void;
};

/** Where a page saved from the web came from (site, author, date, address) and "update from the web". */
export function WebSourceInfo({ articleId, web: initial, onUpdated }: Props) {
  const t = useT();
  const [web, setWeb] = useState(initial);
  const [editing, setEditing] = useState(false);
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A date the page wrote in a form no parser reads is shown as written.
  const published = web.published ? t.date(web.published) || web.published : '';
  const byline = [web.site, web.author, published].filter(Boolean);

  const update = async () => {
    setBusy(true);
    setError(null);
    const result = await call('updateFromWeb', { id: articleId });
    setBusy(false);
    if (!result.ok) return setError(message(result.error));
    onUpdated(reanchorSummary(t, result.value));
  };

  if (editing)
    return (
      <section className="web-source" aria-label={t('web.source')}>
        <WebDetailsForm
          articleId={articleId}
          web={web}
          onDone={(next) => {
            if (next) setWeb(next);
            setEditing(false);
          }}
        />
      </section>
    );

  return (
    <section className="web-source" aria-label={t('web.source')}>
      {byline.length > 0 && <p dir="auto">{byline.join(' · ')}</p>}
      <p className="web-source-address">
        <bdi dir="ltr">{web.url}</bdi>
      </p>
      <button type="button" className="icon-button small" disabled={busy} onClick={() => void update()}>
        <RefreshCw aria-hidden="true" size={14} />
        {busy ? t('web.saving') : t('web.update')}
      </button>
      <button type="button" className="icon-button small" onClick={() => setEditing(true)}>
        <Pencil aria-hidden="true" size={14} />
        {t('web.edit')}
      </button>
      {error && (
        <p className="notice-inline" role="alert" dir="auto">
          {error}
        </p>
      )}
    </section>
  );
}
