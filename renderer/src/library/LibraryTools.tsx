import { FilePlus, Search, Trash2 } from 'lucide-react';
import { useT } from '../i18n/I18nProvider';
import type { LibrarySort } from './arrange';
import type { ImportProgress } from './use-import';

type Props = {
  query: string;
  onQuery: (query: string) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  tag: string;
  tags: string[];
  onTag: (tag: string) => void;
  onImport: () => void;
  onShowTrash: () => void;
  progress: ImportProgress;
};

/** Search titles, sort, filter by tag, import, and the way to the trash. */
export function LibraryTools(props: Props) {
  const t = useT();
  return (
    <div className="library-tools">
      <label className="library-search">
        <Search aria-hidden="true" size={16} />
        <input
          type="search"
          value={props.query}
          dir={props.query.trim() ? 'auto' : t.dir}
          placeholder={t('library.searchTitles')}
          aria-label={t('library.searchTitles')}
          onChange={(event) => props.onQuery(event.target.value)}
        />
      </label>
      <select
        value={props.sort}
        onChange={(event) => props.onSort(event.target.value as LibrarySort)}
        aria-label={t('library.sort')}
      >
        <option value="date">{t('library.sortDate')}</option>
        <option value="read">{t('library.sortRead')}</option>
        <option value="title">{t('library.sortTitle')}</option>
      </select>
      <select
        value={props.tag}
        onChange={(event) => props.onTag(event.target.value)}
        aria-label={t('panel.filterTag')}
      >
        <option value="">{t('panel.allTags')}</option>
        {props.tags.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" onClick={props.onImport}>
        <FilePlus aria-hidden="true" size={16} />
        {t('library.import')}
      </button>
      <button type="button" className="icon-button" onClick={props.onShowTrash}>
        <Trash2 aria-hidden="true" size={16} />
        {t('library.trash')}
      </button>
      {props.progress && (
        <div className="import-progress" role="status">
          <progress max={props.progress.total} value={props.progress.done} />
          {t('library.importing', {
            done: t.number(props.progress.done),
            total: t.number(props.progress.total),
          })}
        </div>
      )}
    </div>
  );
}
