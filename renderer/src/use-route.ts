import { useCallback, useEffect, useState } from 'react';

/** Where the user is: the library or one article. Kept in the URL hash so a reload stays put. */
export type Route = { view: 'library' } | { view: 'article'; id: string } | { view: 'start' };

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  if (article?.[1]) return { view: 'article', id: article[1] };
  if (hash === '#/library') return { view: 'library' };
  return { view: 'start' };
}

export function routeHash(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : route.view === 'library' ? '#/library' : '';
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
