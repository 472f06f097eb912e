import type { ArticleSummary } from '../../../shared/contract';
import type { Language } from '../../../shared/language';
import { createTranslate, type Translate } from '../i18n';
import { arrange } from '../library/arrange';
import { CARDS_WITH_ACTIONS_FIRST } from '../library/first-render';
import { lastRead } from '../library/last-read';
import { routeHash } from '../use-route';
import { drawFrame, element, iconPlace } from './frame';

/**
 * The library's first screen drawn as plain DOM from the list asked for at startup, before React and the
 * views are evaluated, as an article's is (first-screen.ts): the header, the article to continue and
 * every card, element for element as `LibraryView` and `ContinueReading` render them (the component test
 * compares them node for node), in the order the library shows them. Its controls (the tools' rows and
 * the cards' actions) take their room but are drawn blank: they work only once the interface has loaded,
 * and a field drawn here could take keys that would be lost. The page's own script carries this module
 * with only the messages it draws (in-page.ts, library-messages.ts); where the entry draws the library, it
 * is a chunk of its own with all the messages. See docs/ARCHITECTURE.md, "Opening fast".
 */

/** The prefix of a card's description's id, followed by its article's (as LibraryView writes it). */
const META_PREFIX = 'meta-';

/** `node` with a `lang` and `dir="auto"`, as the library writes an article's own words. */
function inArticleLanguage<T extends HTMLElement>(node: T, article: ArticleSummary): T {
  node.lang = article.lang;
  node.dir = 'auto';
  return node;
}

function button(className: string, ...children: (Node | string)[]): HTMLButtonElement {
  const made = element('button', className, ...children);
  made.type = 'button';
  return made;
}

/** A card's elements, without the article's words: made once, cloned for each card (cheaper than building). */
function cardTemplate(): HTMLLIElement {
  const title = element('span', 'library-item-title');
  title.dir = 'auto';
  const first = element('span', 'library-item-first-line');
  first.dir = 'auto';
  return element(
    'li',
    'library-item card',
    button('library-item-open card-action', title),
    first,
    element('span', 'library-item-meta muted'),
  );
}

/** A `span` holding `text`. */
function span(text: string): HTMLSpanElement {
  const made = document.createElement('span');
  made.textContent = text;
  return made;
}

/** One article's card as `LibraryView` renders it, without its actions. */
export function libraryCard(
  article: ArticleSummary,
  t: Translate,
  template: HTMLLIElement = cardTemplate(),
): HTMLLIElement {
  const card = template.cloneNode(true) as HTMLLIElement;
  const [open, first, meta] = card.children;
  const title = open?.firstElementChild;
  if (!(title instanceof HTMLElement && first instanceof HTMLElement && meta instanceof HTMLElement))
    throw new Error('library-screen: a card without its parts');
  open?.setAttribute('aria-describedby', `${META_PREFIX}${article.id}`);
  title.lang = article.lang;
  title.textContent = article.title;
  first.lang = article.lang;
  first.textContent = article.firstLine;
  meta.id = `${META_PREFIX}${article.id}`;
  if (article.site) {
    const site = span(article.site);
    site.dir = 'auto';
    meta.append(site);
  }
  meta.append(
    span(t('library.added', { date: t.date(article.importedAt) })),
    span(t.plural('library.highlights', article.highlights)),
  );
  if (article.progress)
    meta.append(span(t('library.progress', { percent: t.percent(article.progress.fraction) })));
  return card;
}

/** A card's rename, export and trash buttons, blank: their room, as LibraryPage draws them. */
function blankActions(): HTMLElement {
  return element(
    'span',
    'library-item-actions first-screen-blank',
    button('icon-only', iconPlace(15)),
    element('span', 'export-menu', button('icon-only', iconPlace(15))),
    button('icon-only', iconPlace(15)),
  );
}

/** "Continue where you left off" as `ContinueReading` renders it, its icon's place kept. */
export function continueCard(article: ArticleSummary, t: Translate): HTMLElement {
  const fraction = article.progress?.fraction ?? 0;
  const heading = element('h2', 'section-title', t('library.continue'));
  heading.id = 'continue-title';
  const title = inArticleLanguage(element('span', 'library-item-title', article.title), article);
  title.id = 'continue-article';
  const filled = document.createElement('span');
  filled.style.inlineSize = `${Math.round(fraction * 100)}%`;
  const meter = element('span', 'meter', filled);
  meter.setAttribute('aria-hidden', 'true');
  const meta = element(
    'span',
    'library-item-meta muted',
    span(t('library.progress', { percent: t.percent(fraction) })),
  );
  meta.id = 'continue-meta';
  if (article.lastReadAt) meta.append(span(t('library.lastRead', { date: t.date(article.lastReadAt) })));
  const resume = button('continue-action card-action', t('library.resume'));
  resume.setAttribute('aria-describedby', 'continue-article continue-meta');
  const section = element(
    'section',
    'continue',
    heading,
    element(
      'div',
      'continue-card card',
      iconPlace(28, 'continue-icon'),
      element('div', 'continue-body', title, meter, meta),
      resume,
    ),
  );
  section.setAttribute('aria-labelledby', 'continue-title');
  return section;
}

function select(labels: string[]): HTMLSelectElement {
  return element('select', '', ...labels.map((label) => element('option', '', label)));
}

function labelledButton(label: string): HTMLButtonElement {
  return button('icon-button', iconPlace(16), label);
}

/**
 * The rows of tools above the list (save a link; search, sort, filter, import, trash; export, restore,
 * backups), blank, with the labels and options that give them their widths, so that they wrap as the
 * interface's do.
 */
function blankTools(t: Translate, tags: string[]): HTMLElement[] {
  const link = element('input', '');
  link.type = 'url';
  link.dir = 'ltr';
  link.placeholder = t('web.placeholder');
  const save = element('button', 'icon-button', t('web.save'));
  const search = element('input', '');
  search.type = 'search';
  search.dir = t.dir;
  search.placeholder = t('library.searchTitles');
  const rows = [
    element('div', 'library-tools save-link', element('form', 'library-search', iconPlace(16), link, save)),
    element(
      'div',
      'library-tools',
      element('label', 'library-search', iconPlace(16), search),
      select([t('library.sortDate'), t('library.sortRead'), t('library.sortTitle')]),
      select([t('panel.allTags'), ...tags]),
      labelledButton(t('library.import')),
      labelledButton(t('library.trash')),
    ),
    element(
      'div',
      'library-tools',
      element('span', 'export-menu', labelledButton(t('export.all'))),
      labelledButton(t('restore.button')),
      labelledButton(t('library.backups')),
    ),
  ];
  for (const row of rows) row.classList.add('first-screen-blank');
  return rows;
}

/**
 * The library page as `LibraryPage` first renders it, in the order it shows the articles. Its wrapper is
 * a `div.first-screen-library`, laid out as `.library-page`: what waits for the library that works (tests
 * included) waits for React's `.library-page`.
 */
export function drawLibrary(articles: readonly ArticleSummary[], t: Translate): HTMLElement {
  const collator = new Intl.Collator(t.language);
  const shown = arrange(articles, { query: '', tag: '', sort: 'date', collator });
  const tags = [...new Set(articles.flatMap((article) => article.tags))].sort(collator.compare);

  const title = element('h1', '', t('library.title'));
  title.id = 'library-title';
  const section = element(
    'section',
    'library',
    element(
      'header',
      'library-header',
      title,
      element('p', 'muted', t.plural('library.count', shown.length)),
    ),
    ...blankTools(t, tags),
  );
  section.setAttribute('aria-labelledby', 'library-title');
  const resume = lastRead(shown);
  if (resume) section.append(continueCard(resume, t));
  const list = element('ul', 'library-list');
  list.setAttribute('aria-labelledby', 'library-title');
  const template = cardTemplate();
  shown.forEach((article, index) => {
    const card = libraryCard(article, t, template);
    if (index < CARDS_WITH_ACTIONS_FIRST) card.append(blankActions());
    list.append(card);
  });
  section.append(list);
  return element('div', 'first-screen-library', section);
}

/**
 * A click on a card or on "Resume" before the interface has loaded is kept: it names the article in the
 * address, which the interface opens when it starts.
 */
function keepClicks(page: HTMLElement, resumeId: string | null): void {
  page.addEventListener('click', (event) => {
    if (!(event.target instanceof Element)) return;
    // A card's article is named by its description's id (`meta-<id>`), as LibraryView names it.
    const described = event.target.closest('.library-item')?.querySelector('.library-item-meta')?.id;
    const id = event.target.closest('.continue-card')
      ? resumeId
      : (described?.slice(META_PREFIX.length) ?? null);
    if (id) window.location.hash = routeHash({ view: 'article', id });
  });
}

/**
 * When React replaces the drawn library, a reader who already scrolled it keeps that place (React's
 * library opens at the top).
 */
function keepScroll(root: HTMLElement, app: HTMLElement): void {
  const scroller = app.querySelector<HTMLElement>('.library');
  if (!scroller) return;
  let scrollTop = 0;
  scroller.addEventListener('scroll', () => (scrollTop = scroller.scrollTop), { passive: true });
  new MutationObserver((_, observer) => {
    if (app.isConnected) return;
    observer.disconnect();
    const library = root.querySelector<HTMLElement>('.library');
    if (library && scrollTop > 0) library.scrollTop = scrollTop;
  }).observe(root, { childList: true });
}

/** Draws the library's first screen into `root`, in `language`. */
export function showLibrary(
  root: HTMLElement,
  articles: readonly ArticleSummary[],
  language: Language,
): void {
  const t = createTranslate(language);
  const page = drawLibrary(articles, t);
  const app = drawFrame(page);
  root.appendChild(app);
  keepClicks(page, lastRead(articles)?.id ?? null);
  keepScroll(root, app);
}
