import type { ArticleView } from '../../../shared/contract';
import { blockStarts } from '../../../shared/article-model';
import { callEarly, pendingEarly } from '../api';
import { pickLanguage, type Language } from '../../../shared/language';
import type { ReaderSettings } from '../../../shared/settings';
import { contentsOpenAt, notesOpenAt } from '../panels-open';
import { marginSideOf, measureMarginRoom } from '../reader/margin-room';
import { scrollTopFor, type BlockBox } from '../reader/reading-position';
import { interfaceFont, loadFacesWithin } from '../faces/load-faces';
import { applySettings, FONT_STACKS } from '../settings/apply-settings';
import { installThemes } from '../theme/palettes';
import { parseRoute, routeHash } from '../use-route';
import { startArticle } from '../library/last-read';
import { blockElement, drawable } from './blocks';
import { blank, drawFrame, element } from './frame';

/**
 * The reader's first screen drawn as plain DOM from the article asked for at startup (early-calls.ts),
 * before React and the views are evaluated: the text is on screen as soon as main has answered, and React,
 * once loaded, replaces this DOM with its own in its first commit (`createRoot` empties its container
 * then), which draws the same text at the same place in the same frame. See docs/ARCHITECTURE.md,
 * "Opening fast".
 *
 * The text is in a `div.article`, not an `<article>`: it is a picture of the reader, not yet the reader
 * (no selection toolbar, keys or highlights), and whatever waits for the reader's `<article>` waits for
 * the one that works.
 */

/**
 * How long React waits for main's answers (at start, the library's and then the article's, together)
 * before it starts without a first screen drawn here. React's views need those answers too, so waiting
 * costs only the overlap of React's evaluation with the wait; the limit is for a main process that does
 * not answer, where React shows its own "loading".
 */
const WAIT_FOR_ANSWER_MS = 1000;
/**
 * How long a first screen waits for the faces it is drawn in, regular and bold, once main has answered: as
 * long as a face's block period with `font-display: fallback`. The page's first script preloads them, and
 * they are usually in before the answers; drawn while they were still on their way, the screen was drawn in
 * a fallback face, and its text moved when they came (the browser's layout shifts: an article's in 1 of 6
 * runs of an e2e test, 4 of 6 once the page's script carried the library's drawing too; the library's in 1
 * of 8). See docs/ARCHITECTURE.md, "Opening fast".
 */
const WAIT_FOR_FACES_MS = 100;
/** Characters drawn from the block in view on: more than a large window shows. */
const SCREEN_CHARACTERS = 6000;
/** The reader itself draws at most this many blocks in its first render (reader/use-rendered-blocks.ts). */
const SCREEN_BLOCKS = 60;
/** A reading position further into the article than this is left to the reader to draw. */
const MAX_BLOCKS_BEFORE = 200;

/** Which of `article`'s blocks the first screen draws, from the first: none if it is not worth it. */
export function firstScreenBlocks(article: ArticleView, offset: number): number {
  const starts = blockStarts(article.blocks);
  let inView = 0;
  while (inView + 1 < starts.length && (starts[inView + 1] ?? Infinity) <= offset) inView++;
  if (inView > MAX_BLOCKS_BEFORE) return 0;
  let count = 0;
  let characters = 0;
  for (const block of article.blocks) {
    if (!drawable(block) || count >= inView + SCREEN_BLOCKS) break;
    count++;
    if (count > inView) characters += block.text.length;
    if (characters > SCREEN_CHARACTERS) break;
  }
  // Drawn only if it reaches past the reading position: else the reader would scroll where this did not.
  return count > inView ? count : 0;
}

/** Harakat, tanwin, shadda, sukun, dagger alef, as the reader looks for them (reader/use-vowel-marks.ts). */
const VOWEL_MARK = /[\u064B-\u0652\u0670]/;

/**
 * The reader's layout as `App` and `ReaderView` lay it out (top bar, panels, progress bar, the tools row
 * where the article has vowel marks), with the panels' and the bar's places kept but left empty, and the
 * first `count` blocks in the text column. Returns the app element and its scroller.
 */
export function drawReader(
  article: ArticleView,
  count: number,
  width: number,
): { app: HTMLElement; scroller: HTMLElement; text: HTMLElement; bar: HTMLElement } {
  const text = element('div', 'article');
  text.lang = article.lang;
  text.dir = article.dir;
  const hasMarks = article.blocks.some((block) => VOWEL_MARK.test(block.text));
  if (hasMarks) text.dataset.marks = 'shown';
  article.blocks
    .slice(0, count)
    .forEach((block, index) => text.appendChild(blockElement(block, index, article.dir === 'rtl')));

  const scroller = element('div', 'reader-scroll', text);
  const bar = element('div', 'progress-bar');
  const column = element('div', 'reader-column', element('div', 'progress', bar));
  if (hasMarks) {
    // The "hide vowel marks" button's row, its label not known here: kept as tall, drawn empty.
    column.appendChild(element('div', 'reader-tools', blank('button', 'icon-button small')));
  }
  column.appendChild(scroller);
  const notes = notesOpenAt(width);
  const layout = element('div', notes ? 'reader-layout with-notes' : 'reader-layout');
  if (contentsOpenAt(width)) layout.appendChild(element('nav', 'toc'));
  layout.appendChild(column);
  if (notes) layout.appendChild(element('aside', 'notes-panel'));

  const app = drawFrame(layout);
  return { app, scroller, text, bar };
}

/**
 * Makes room for the margin notes once the drawn reader is in the page, where the reader makes it (its
 * width is known only then): the reader marks its scroller in its first commit, before that is painted.
 */
function placeMargin(scroller: HTMLElement, text: HTMLElement, article: ArticleView): void {
  if (measureMarginRoom(scroller, text)) scroller.dataset.margin = marginSideOf(article.dir);
}

/** The scroll position that puts `offset` at the top, measured as the reader measures it. */
function scrollTopOf(scroller: HTMLElement, article: ArticleView, offset: number): number {
  const starts = blockStarts(article.blocks);
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const boxes: BlockBox[] = [...scroller.querySelectorAll<HTMLElement>('[data-block]')].map((block) => {
    const index = Number(block.dataset.block);
    const rect = block.getBoundingClientRect();
    return {
      start: starts[index] ?? 0,
      length: article.blocks[index]?.text.length ?? 0,
      top: rect.top - origin,
      height: rect.height,
    };
  });
  return scrollTopFor(boxes, offset);
}

/** Frames over which the reading position is put back, as the reader does (use-reading-position.ts). */
const RESTORE_FRAMES = 8;

/**
 * Scrolls to the reading position, again over the next frames and once the web fonts are in (blocks
 * off screen are laid out lazily, and the fonts change line heights), until the reader scrolls. When
 * React replaces the first screen, a reader who already scrolled it keeps that place (the reader would
 * otherwise go back to the saved position, which it restores until the first wheel turn).
 */
function keepPosition(
  root: HTMLElement,
  app: HTMLElement,
  scroller: HTMLElement,
  bar: HTMLElement,
  article: ArticleView,
  offset: number,
): void {
  let scrolledByUser = false;
  const onUser = () => {
    scrolledByUser = true;
  };
  for (const type of ['wheel', 'keydown', 'pointerdown'] as const)
    scroller.addEventListener(type, onUser, { passive: true, once: true });
  // Read as it scrolls: once React has taken the first screen out of the page, it measures as 0.
  let scrollTop = 0;
  scroller.addEventListener('scroll', () => (scrollTop = scroller.scrollTop), { passive: true });
  const settle = () => {
    if (scrolledByUser || !app.isConnected) return;
    if (offset > 0) scroller.scrollTop = scrollTopOf(scroller, article, offset);
    // The fraction read, as the reader's progress bar shows it (of the part drawn here, a first guess).
    const range = scroller.scrollHeight - scroller.clientHeight;
    bar.style.inlineSize = `${range > 0 ? Math.min(1, scroller.scrollTop / range) * 100 : 0}%`;
  };
  settle();
  let frames = 0;
  const onFrame = () => {
    settle();
    if (++frames < RESTORE_FRAMES && app.isConnected) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  void document.fonts.ready.then(() => requestAnimationFrame(settle));
  new MutationObserver((_, observer) => {
    if (app.isConnected) return;
    observer.disconnect();
    const reader = root.querySelector<HTMLElement>('.reader-scroll');
    if (!scrolledByUser || !reader) return;
    reader.scrollTop = scrollTop;
    reader.dispatchEvent(new WheelEvent('wheel'));
  }).observe(root, { childList: true });
}

/** Settles after the next frame has been painted: a message posted from its animation frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Settles with null at `deadline` (a `performance.now()` time). */
const timeout = (deadline: number) =>
  new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - performance.now())));

/** Settles once `font`'s faces are in, or at most `WAIT_FOR_FACES_MS` on. */
const facesIn = (font: string) => loadFacesWithin(font, WAIT_FOR_FACES_MS);

/** The settings the first screen is drawn with: theme, typography and the interface's language. */
function applyFirstSettings(settings: ReaderSettings): Language {
  applySettings(document.documentElement, settings);
  const language = pickLanguage(settings.language, navigator.languages);
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  return language;
}

/** Draws the article's first screen if main answers in time and it is worth drawing. */
async function showArticle(id: string, at: number | undefined, deadline: number): Promise<void> {
  const settings = pendingEarly('getSettings', {});
  const opened = pendingEarly('openArticle', { id });
  if (!settings || !opened) return;
  const answers = await Promise.race([Promise.all([settings, opened]), timeout(deadline)]);
  const root = document.getElementById('root');
  if (!answers || !root || root.firstChild) return;
  const [settingsResult, articleResult] = answers;
  if (!settingsResult.ok || !articleResult.ok) return;
  const article = articleResult.value;
  const offset = at ?? article.progress?.offset ?? 0;
  const count = firstScreenBlocks(article, offset);
  if (count === 0) return;

  await facesIn(FONT_STACKS[settingsResult.value.settings.font]);
  if (root.firstChild) return;
  applyFirstSettings(settingsResult.value.settings);
  const { app, scroller, text, bar } = drawReader(article, count, window.innerWidth);
  root.appendChild(app);
  placeMargin(scroller, text, article);
  keepPosition(root, app, scroller, bar, article, offset);
  await afterNextPaint();
}

/** Draws the library's first screen if main answers in time and the library is not empty. */
async function showLibrary(
  drawing: Promise<typeof import('./library-screen')>,
  deadline: number,
): Promise<void> {
  const settings = pendingEarly('getSettings', {});
  const listed = pendingEarly('listArticles', {});
  if (!settings || !listed) return;
  const loaded = drawing.catch(() => null);
  const answers = await Promise.race([Promise.all([settings, listed, loaded]), timeout(deadline)]);
  const root = document.getElementById('root');
  if (!answers || !root || root.firstChild) return;
  const [settingsResult, listResult, library] = answers;
  if (!settingsResult.ok || !listResult.ok || !library || listResult.value.length === 0) return;
  await facesIn(interfaceFont());
  if (root.firstChild) return;
  library.showLibrary(root, listResult.value, applyFirstSettings(settingsResult.value.settings));
  await afterNextPaint();
}

/**
 * The app started without a page named (as it is launched): the article it opens, read last or else the
 * first, is named in the address now and asked for, so that its first screen is drawn as a named
 * article's is; React then opens it from the address. Null if the list does not come in time, or is
 * empty (React then shows the library).
 */
async function startingArticle(deadline: number): Promise<string | null> {
  const listed = pendingEarly('listArticles', {});
  if (!listed) return null;
  const list = await Promise.race([listed, timeout(deadline)]);
  const id = list?.ok ? startArticle(list.value) : null;
  if (id === null || parseRoute(window.location.hash).view !== 'start') return null;
  window.history.replaceState(window.history.state, '', routeHash({ view: 'article', id }));
  callEarly('openArticle', { id });
  return id;
}

/**
 * Applies the themes, and, when the page opens on an article (or at start, on the article it opens), waits
 * (a short while at most) for main's answers to draw its first screen and for that frame to be painted.
 * The page's own script runs this (in-page.ts) when the built page carries it; else the entry does.
 */
export async function showReaderFirstScreen(): Promise<void> {
  const route = parseRoute(window.location.hash);
  const deadline = performance.now() + WAIT_FOR_ANSWER_MS;
  installThemes(document);
  if (route.view === 'article') await showArticle(route.id, route.at?.start, deadline);
  else if (route.view === 'start') {
    const id = await startingArticle(deadline);
    if (id !== null) await showArticle(id, undefined, deadline);
  }
}

/**
 * Applies the themes and waits (a short while at most) for main's answers and `drawing` to draw the
 * library's first screen, and for that frame to be painted. The page's own script runs this with its own
 * copy of the drawing (in-page.ts), where the built page carries it; else the entry does.
 */
export async function showLibraryFirstScreen(
  drawing: Promise<typeof import('./library-screen')>,
): Promise<void> {
  const deadline = performance.now() + WAIT_FOR_ANSWER_MS;
  installThemes(document);
  await showLibrary(drawing, deadline);
}

/**
 * Applies the themes, and, when the page opens on an article or the library, waits (a short while at
 * most) for main's answers to draw its first screen and for that frame to be painted. Settles when React
 * may load. Only where the page's own script did not run (a page without the built head).
 */
export async function showFirstScreen(): Promise<void> {
  if (parseRoute(window.location.hash).view !== 'library') return showReaderFirstScreen();
  // The library's drawing comes with the interface's messages, in a chunk of its own.
  return showLibraryFirstScreen(import('./library-screen'));
}
