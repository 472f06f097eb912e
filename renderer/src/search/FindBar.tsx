import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { useT } from '../i18n/I18nProvider';
import { IconButton } from '../IconButton';

export type Span = { start: number; end: number };

type Props = {
  articleId: string;
  /** Every match and the current one (index into matches, -1 for none), for painting and scrolling. */
  onMatches: (matches: Span[], current: number) => void;
  onClose: () => void;
};

/**
 * Find in article (Ctrl/Cmd+F): results as you type, every match painted, the current one distinct, an
 * `n / m` counter, Enter / Shift+Enter for next / previous, Esc to close. Matching is Arabic-aware and done in
 * main over the article's normalised text.
 */
export function FindBar({ articleId, onMatches, onClose }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Span[]>([]);
  const [current, setCurrent] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => inputRef.current?.focus(), []);

  // Each keystroke asks main; answers can arrive out of order, so only the latest one is kept.
  const find = (next: string) => {
    setQuery(next);
    const request = ++latest.current;
    if (!next.trim()) {
      setMatches([]);
      setCurrent(-1);
      return;
    }
    void call('findInArticle', { id: articleId, query: next }).then((result) => {
      if (request !== latest.current) return;
      const found = result.ok ? result.value : [];
      setMatches(found);
      setCurrent(found.length > 0 ? 0 : -1);
    });
  };

  useEffect(() => onMatches(matches, current), [matches, current, onMatches]);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent((index) => (index + delta + matches.length) % matches.length);
  };

  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        ref={inputRef}
        type="search"
        value={query}
        dir={query.trim() ? 'auto' : t.dir}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        onChange={(event) => find(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query.trim()
          ? matches.length > 0
            ? t('find.count', { current: t.number(current + 1), total: t.number(matches.length) })
            : t('find.none')
          : ''}
      </span>
      <IconButton label={t('find.previous')} onClick={() => step(-1)}>
        <ChevronUp aria-hidden="true" size={16} />
      </IconButton>
      <IconButton label={t('find.next')} onClick={() => step(1)}>
        <ChevronDown aria-hidden="true" size={16} />
      </IconButton>
      <IconButton label={t('find.close')} onClick={onClose}>
        <X aria-hidden="true" size={16} />
      </IconButton>
    </div>
  );
}
