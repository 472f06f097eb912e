import type { HighlightEntry } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { useColorName } from '../reader/color-names';

type Props = {
  entry: HighlightEntry;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (entry: HighlightEntry) => void;
};

/**
 * One highlight of the list: a box to choose it, its colour by name, the passage (a button that opens the
 * article there), its note formatted, its article, day and tags. An orphan says so: it stays listed with
 * its note although its passage is no longer found in the article.
 */
export function HighlightRow({ entry, selected, onSelect, onOpen }: Props) {
  const t = useT();
  const colorName = useColorName();
  const orphan = entry.status === 'orphan';
  return (
    <div className="highlight-row" data-orphan={orphan ? 'true' : undefined}>
      <input
        type="checkbox"
        checked={selected}
        aria-label={t('highlights.choose', { passage: entry.target.exact.slice(0, 60) })}
        onChange={(event) => onSelect(entry.id, event.target.checked)}
      />
      <span
        className={`highlight-swatch swatch-${entry.color}`}
        title={colorName(entry.color)}
        aria-hidden="true"
      />
      <div className="highlight-body">
        <button
          type="button"
          className="highlight-passage"
          dir={entry.articleDir}
          onClick={() => onOpen(entry)}
        >
          <span className="hl-visually-hidden">{colorName(entry.color)}: </span>
          {entry.target.exact}
        </button>
        {entry.note.trim() !== '' && (
          <div className="highlight-note">
            <NoteMarkdown source={entry.note} />
          </div>
        )}
        <p className="highlight-meta muted">
          {orphan && <span className="orphan-mark">{t('highlights.orphan')}</span>}
          <span dir="auto">{entry.articleTitle}</span>
          <span>{t.date(entry.createdAt)}</span>
          {entry.tags.map((tag) => (
            <span key={tag} className="highlight-tag" dir="auto">
              #{tag}
            </span>
          ))}
        </p>
      </div>
    </div>
  );
}
