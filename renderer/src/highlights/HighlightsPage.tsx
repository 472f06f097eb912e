import { Repeat } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ArticleSummary, HighlightEntry } from '../../../shared/contract';
import { call } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { BulkActions } from './BulkActions';
import { HighlightFiltersBar } from './HighlightFiltersBar';
import { HighlightRow } from './HighlightRow';
import { useAllHighlights, type Filters } from './use-all-highlights';
import { WindowedList } from './WindowedList';
import './highlights.css';

type Props = {
  articles: readonly ArticleSummary[];
  tags: readonly string[];
  /** Opens an article, at the highlight's passage when it is found there. */
  onOpen: (articleId: string, at?: { start: number; end: number }) => void;
  onReview: () => void;
};

/** Row height in CSS pixels (the row's CSS clamps the passage and note to fit). */
export const ROW_HEIGHT = 132;

/**
 * Every highlight of the library in one place (Ctrl/Cmd+Shift+H): newest first or by article, filtered,
 * searched, chosen several at a time for a bulk action; a click opens the article at the passage.
 */
export function HighlightsPage({ articles, tags: initialTags, onOpen, onReview }: Props) {
  const t = useT();
  // A bulk tag adds a tag the filter must offer at once: the list is asked for again after each change.
  const [freshTags, setTags] = useState<string[] | null>(null);
  const tags = freshTags ?? initialTags;
  const [filters, setFilters] = useState<Filters>({});
  const { entries, total, leftOut, error, reload } = useAllHighlights(filters);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');

  // A highlight no longer listed (deleted, filtered out) is no longer chosen.
  const shown = useMemo(() => entries ?? [], [entries]);
  const chosenEntries = useMemo(() => shown.filter((entry) => chosen.has(entry.id)), [shown, chosen]);
  const filtering = Object.values(filters).some((value) => value !== undefined && value !== 'newest');

  const select = (id: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChosen = shown.length > 0 && chosenEntries.length === shown.length;

  const open = (entry: HighlightEntry) =>
    onOpen(entry.articleId, entry.status === 'orphan' ? undefined : { start: entry.start, end: entry.end });

  return (
    <section className="highlights-page" aria-labelledby="highlights-title">
      <header className="highlights-header">
        <h1 id="highlights-title">{t('highlights.title')}</h1>
        {entries && <p className="muted">{t.plural('highlights.count', Math.max(total, shown.length))}</p>}
        <button type="button" className="icon-button" onClick={onReview}>
          <Repeat aria-hidden="true" size={16} />
          {t('review.title')}
        </button>
      </header>
      <HighlightFiltersBar filters={filters} onChange={setFilters} articles={articles} tags={tags} />
      {error && <ErrorNotice error={error} />}
      {leftOut > 0 && <p className="muted highlights-left-out">{t.plural('highlights.leftOut', leftOut)}</p>}
      {shown.length > 0 && (
        <div className="highlights-toolbar">
          <label className="highlights-all">
            <input
              type="checkbox"
              checked={allChosen}
              onChange={(event) =>
                setChosen(event.target.checked ? new Set(shown.map((e) => e.id)) : new Set())
              }
            />
            {t('highlights.chooseAll')}
          </label>
          {chosenEntries.length > 0 && (
            <BulkActions
              chosen={chosenEntries}
              onDone={(message) => {
                setStatus(message);
                setChosen(new Set());
                reload();
                void call('listTags', {}).then((result) => result.ok && setTags(result.value));
              }}
            />
          )}
        </div>
      )}
      <p className="highlights-status" role="status">
        {status}
      </p>
      {entries === null ? (
        <p className="status">{t('status.loading')}</p>
      ) : shown.length === 0 ? (
        <div className="empty-state highlights-empty">
          {filtering ? (
            <>
              <p>{t('highlights.noneMatch')}</p>
              <button type="button" className="icon-button" onClick={() => setFilters({})}>
                {t('highlights.clearFilters')}
              </button>
            </>
          ) : (
            <p>{t('highlights.empty')}</p>
          )}
        </div>
      ) : (
        <WindowedList
          items={shown}
          rowHeight={ROW_HEIGHT}
          keyOf={(entry) => entry.id}
          label={t('highlights.title')}
          renderRow={(entry) => (
            <HighlightRow entry={entry} selected={chosen.has(entry.id)} onSelect={select} onOpen={open} />
          )}
        />
      )}
    </section>
  );
}
