import type { MouseEvent } from 'react';

/**
 * Follows a link within the article (a footnote reference, or its way back): the block holding the target
 * id is scrolled into view. The page's own location is never changed, since the app routes on it.
 */
export function followInArticleLink(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const target = event.currentTarget.getAttribute('href')?.slice(1) ?? '';
  const article = event.currentTarget.closest('article');
  for (const block of article?.querySelectorAll<HTMLElement>('[data-anchors]') ?? []) {
    if ((block.dataset.anchors ?? '').split(' ').includes(target)) {
      block.scrollIntoView({ block: 'center' });
      return;
    }
  }
}
