import { FileUp, StickyNote } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from '../reader/color-names';
import { COLORS, type Color } from '../reader/colors';
import { ArticleNote } from './ArticleNote';
import { ExportMenu } from './ExportMenu';
import { NoteMarkdown } from './NoteMarkdown';
import { WebSourceInfo } from './WebSourceInfo';
import type { WebSource } from '../../../shared/article-model';

type Props = {
  articleId: string;
  highlights: ResolvedHighlight[];
  articleNote: string;
  articleTags: string[];
  suggestions: string[];
  onOpen: (highlight: ResolvedHighlight) => void;
  /** An undo or redo of the article's note bumps this: its editor starts again from the stored text. */
  articleRevision: number;
  onArticleNote: (patch: { note?: string; tags?: string[] }, session?: string) => Promise<ApiError | null>;
  onUpdateSource: () => void;
  updateSummary: string | null;
  /** A page saved from the web: where it came from, and fetching it again. */
  web?: WebSource;
  onUpdatedFromWeb?: (summary: string) => void;
};

function Entry({
  highlight,
  onOpen,
}: {
  highlight: ResolvedHighlight;
  onOpen: (h: ResolvedHighlight) => void;
}) {
  const t = useT();
  const colorName = useColorName();
  const label = t(highlight.note ? 'highlight.announceWithNote' : 'highlight.announce', {
    color: colorName(highlight.color),
  });
  return (
    <li className={`notes-entry notes-entry-${highlight.color}`} data-highlight={highlight.id}>
      <button
        type="button"
        className="notes-entry-quote"
        onClick={() => onOpen(highlight)}
        aria-label={`${label}: ${highlight.target.exact}`}
      >
        <span className={`dot swatch-${highlight.color}`} aria-hidden="true" />
        <span dir="auto">{highlight.target.exact}</span>
      </button>
      {highlight.note && (
        <div className="notes-entry-note">
          <NoteMarkdown source={highlight.note} />
        </div>
      )}
      {highlight.tags.length > 0 && (
        <ul className="chips" aria-label={t('highlight.tags')}>
          {highlight.tags.map((tag) => (
            <li key={tag} className="chip" dir="auto">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The article's highlights in reading order, filterable by colour and tag; orphans (passages not found
 * after an update) listed apart with their quote and note. Clicking an entry scrolls to its passage.
 */
export function NotesPanel(props: Props) {
  const t = useT();
  const colorName = useColorName();
  const [color, setColor] = useState<Color | ''>('');
  const [tag, setTag] = useState('');
  const tags = useMemo(
    () => [...new Set(props.highlights.flatMap((h) => h.tags))].sort(),
    [props.highlights],
  );
  const shown = props.highlights.filter(
    (h) => (!color || h.color === color) && (!tag || h.tags.includes(tag)),
  );
  const anchored = shown.filter((h) => h.status !== 'orphan');
  const orphans = shown.filter((h) => h.status === 'orphan');

  return (
    <aside className="notes-panel" aria-labelledby="notes-title">
      <header className="notes-header">
        <h2 id="notes-title">
          <StickyNote aria-hidden="true" size={18} /> {t('panel.title')}
        </h2>
        <span className="notes-header-actions">
          <ExportMenu compact articleIds={[props.articleId]} label={t('export.button')} />
          <button type="button" className="icon-button small" onClick={props.onUpdateSource}>
            <FileUp aria-hidden="true" size={16} />
            {t('article.update')}
          </button>
        </span>
      </header>
      {props.web && (
        <WebSourceInfo
          articleId={props.articleId}
          web={props.web}
          onUpdated={(summary) => props.onUpdatedFromWeb?.(summary)}
        />
      )}
      {props.updateSummary && (
        <p className="notice-inline" role="status">
          {props.updateSummary}
        </p>
      )}
      <ArticleNote
        key={props.articleRevision}
        note={props.articleNote}
        tags={props.articleTags}
        suggestions={props.suggestions}
        onSave={props.onArticleNote}
      />
      {props.highlights.length === 0 ? (
        <p className="empty-state">{t('panel.empty')}</p>
      ) : (
        <>
          <div className="notes-filters">
            <label>
              <span className="visually-hidden">{t('panel.filterColor')}</span>
              <select
                value={color}
                onChange={(event) => setColor(event.target.value as Color | '')}
                aria-label={t('panel.filterColor')}
              >
                <option value="">{t('panel.allColors')}</option>
                {COLORS.map((c) => (
                  <option key={c} value={c}>
                    {colorName(c)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="visually-hidden">{t('panel.filterTag')}</span>
              <select
                value={tag}
                onChange={(event) => setTag(event.target.value)}
                aria-label={t('panel.filterTag')}
              >
                <option value="">{t('panel.allTags')}</option>
                {tags.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {shown.length === 0 && <p className="empty-state">{t('panel.filteredEmpty')}</p>}
          <ol className="notes-list">
            {anchored.map((h) => (
              <Entry key={h.id} highlight={h} onOpen={props.onOpen} />
            ))}
          </ol>
          {orphans.length > 0 && (
            <section className="orphans" aria-labelledby="orphans-title">
              <h3 id="orphans-title">{t('panel.orphans')}</h3>
              <p className="muted small">{t('panel.orphanHelp')}</p>
              <ol className="notes-list">
                {orphans.map((h) => (
                  <Entry key={h.id} highlight={h} onOpen={props.onOpen} />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
