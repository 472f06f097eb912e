import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './use-route';

describe('routes', () => {
  it('round-trip through the URL hash', () => {
    const routes: Route[] = [
      { view: 'library' },
      { view: 'trash' },
      { view: 'backups' },
      { view: 'search' },
      { view: 'conflicts' },
      { view: 'article', id: 'abc123' },
      { view: 'article', id: 'abc123', at: { start: 10, end: 25 } },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the start for anything else, and ignores a reversed span', () => {
    expect(parseRoute('#/article/../x')).toEqual({ view: 'start' });
    expect(parseRoute('#/nope')).toEqual({ view: 'start' });
    expect(parseRoute('#/article/abc@9-3')).toEqual({ view: 'article', id: 'abc' });
  });
});
