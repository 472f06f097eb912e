import { useCallback, useEffect, useState } from 'react';
import { ARTICLE_HASH, OTHER_PAGES } from '../../shared/early-script';

/** A span of an article's canonical text to bring into view (a search hit). */
export type Span = { start: number; end: number };

/**
 * Where the user is: the library, its trash, search, or one article (optionally at a passage). Kept in the
 * URL hash so a reload stays put.
 */
export type Route =
  | { view: 'library' }
  // trash, backups, search, highlights, review, conflicts
  | { view: (typeof OTHER_PAGES)[number] }
  | { view: 'article'; id: string; at?: Span }
  | { view: 'start' };

export function parseRoute(hash: string): Route {
  const article = ARTICLE_HASH.exec(hash);
  if (article?.[1]) {
    const [, id, start, end] = article;
    return start !== undefined && end !== undefined && Number(start) < Number(end)
      ? { view: 'article', id, at: { start: Number(start), end: Number(end) } }
      : { view: 'article', id };
  }
  if (hash === '#/library') return { view: 'library' };
  const page = OTHER_PAGES.find((name) => hash === `#/${name}`);
  return page ? { view: page } : { view: 'start' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'article':
      return `#/article/${route.id}${route.at ? `@${route.at.start}-${route.at.end}` : ''}`;
    case 'start':
      return '';
    default:
      return `#/${route.view}`;
  }
}

export function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route, replace = false) => {
    const hash = routeHash(next);
    if (replace) window.history.replaceState(null, '', hash || window.location.pathname);
    else window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}
