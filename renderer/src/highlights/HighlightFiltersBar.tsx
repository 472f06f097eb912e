import { Search } from 'lucide-react';
import type { ArticleSummary } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from '../reader/color-names';
import { COLORS, type Color } from '../reader/colors';
import type { Filters } from './use-all-highlights';

type Props = {
  filters: Filters;
  onChange: (filters: Filters) => void;
  articles: readonly ArticleSummary[];
  tags: readonly string[];
};

/** Search inside the highlights, then narrow by colour (by its name), tag, article, days and order. */
export function HighlightFiltersBar({ filters, onChange, articles, tags }: Props) {
  const t = useT();
  const colorName = useColorName();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="highlights-filters" role="search">
      <label className="highlights-search">
        <Search aria-hidden="true" size={16} />
        <input
          type="search"
          // The view opens ready to search, as search everything does.
          autoFocus
          value={filters.query ?? ''}
          dir={filters.query?.trim() ? 'auto' : t.dir}
          placeholder={t('highlights.searchPlaceholder')}
          aria-label={t('highlights.search')}
          onChange={(event) => set({ query: event.target.value || undefined })}
        />
      </label>
      <select
        value={filters.color ?? ''}
        aria-label={t('panel.filterColor')}
        onChange={(event) => set({ color: (event.target.value || undefined) as Color | undefined })}
      >
        <option value="">{t('panel.allColors')}</option>
        {COLORS.map((color) => (
          <option key={color} value={color}>
            {colorName(color)}
          </option>
        ))}
      </select>
      <select
        value={filters.tag ?? ''}
        aria-label={t('panel.filterTag')}
        onChange={(event) => set({ tag: event.target.value || undefined })}
      >
        <option value="">{t('panel.allTags')}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <select
        value={filters.articleId ?? ''}
        aria-label={t('highlights.filterArticle')}
        onChange={(event) => set({ articleId: event.target.value || undefined })}
      >
        <option value="">{t('highlights.allArticles')}</option>
        {articles.map((article) => (
          <option key={article.id} value={article.id}>
            {article.title}
          </option>
        ))}
      </select>
      <label className="highlights-day">
        {t('highlights.since')}
        <input
          type="date"
          value={filters.since ?? ''}
          onChange={(event) => set({ since: event.target.value || undefined })}
        />
      </label>
      <label className="highlights-day">
        {t('highlights.until')}
        <input
          type="date"
          value={filters.until ?? ''}
          onChange={(event) => set({ until: event.target.value || undefined })}
        />
      </label>
      <select
        value={filters.order ?? 'newest'}
        aria-label={t('highlights.order')}
        onChange={(event) => set({ order: event.target.value as 'newest' | 'article' })}
      >
        <option value="newest">{t('highlights.orderNewest')}</option>
        <option value="article">{t('highlights.orderArticle')}</option>
      </select>
    </div>
  );
}
