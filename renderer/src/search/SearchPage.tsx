import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { SearchGroup } from '../../../shared/contract';
import { call } from '../api';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from '../reader/color-names';
import { COLORS, type Color } from '../reader/colors';

type Scope = 'all' | 'note' | 'highlight';

type Props = {
  /** Opens an article scrolled to a span of its canonical text. */
  onOpen: (articleId: string, span: { start: number; end: number }) => void;
  tags: string[];
};

/**
 * Search everything (Ctrl/Cmd+Shift+F): article text, highlight quotes, notes and tags, grouped by article,
 * each hit with a snippet showing the match in context. Filters: only notes, only highlights, a tag.
 */
export function SearchPage({ onOpen, tags }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [tag, setTag] = useState('');
  const [color, setColor] = useState<Color | ''>('');
  const colorName = useColorName();
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const latest = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  // Every change of the query or a filter asks main again; only the latest answer is shown.
  const run = (next: { query?: string; scope?: Scope; tag?: string; color?: Color | '' }) => {
    const q = next.query ?? query;
    const s = next.scope ?? scope;
    const g = next.tag ?? tag;
    const c = next.color ?? color;
    setQuery(q);
    setScope(s);
    setTag(g);
    setColor(c);
    const request = ++latest.current;
    if (!q.trim()) {
      setGroups(null);
      return;
    }
    void call('search', {
      query: q,
      kinds: s === 'all' ? undefined : [s],
      tag: g || undefined,
      color: c || undefined,
    }).then((result) => {
      if (request === latest.current) setGroups(result.ok ? result.value : []);
    });
  };

  const kindLabel = {
    article: t('search.kindArticle'),
    highlight: t('search.kindHighlight'),
    note: t('search.kindNote'),
  };

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <div className="search-controls" role="search">
        <Search aria-hidden="true" size={18} />
        <input
          ref={inputRef}
          type="search"
          value={query}
          dir={query.trim() ? 'auto' : t.dir}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          onChange={(event) => run({ query: event.target.value })}
        />
        <select
          value={scope}
          onChange={(event) => run({ scope: event.target.value as Scope })}
          aria-label={t('search.scope')}
        >
          <option value="all">{t('search.scopeAll')}</option>
          <option value="note">{t('search.scopeNotes')}</option>
          <option value="highlight">{t('search.scopeHighlights')}</option>
        </select>
        <select
          value={color}
          onChange={(event) => run({ color: event.target.value as Color | '' })}
          aria-label={t('panel.filterColor')}
        >
          <option value="">{t('panel.allColors')}</option>
          {COLORS.map((c) => (
            <option key={c} value={c}>
              {colorName(c)}
            </option>
          ))}
        </select>
        <select
          value={tag}
          onChange={(event) => run({ tag: event.target.value })}
          aria-label={t('panel.filterTag')}
        >
          <option value="">{t('panel.allTags')}</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {groups !== null && groups.length === 0 && <p className="empty-state">{t('search.none')}</p>}
      {groups?.map((group) => (
        <section key={group.articleId} className="search-group" aria-label={group.title}>
          <h2 dir="auto">{group.title}</h2>
          <ol className="search-hits">
            {group.hits.map((hit, index) => (
              <li key={index}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => onOpen(group.articleId, { start: hit.start, end: hit.end })}
                >
                  <span className="search-kind">{kindLabel[hit.kind]}</span>
                  <span className="search-snippet" dir="auto">
                    {hit.pieces.before}
                    <strong className="search-match">{hit.pieces.match}</strong>
                    {hit.pieces.after}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
