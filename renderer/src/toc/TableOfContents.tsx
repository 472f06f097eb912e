import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Block, TocEntry } from '../../../shared/article-model';
import { useT } from '../i18n/I18nProvider';
import { BookContents } from './BookContents';
import { bookContentsOf, contentsOf, currentSection } from './contents';

type Props = {
  blocks: readonly Block[];
  /** A book's own contents: shown instead of the article's headings. */
  toc?: readonly TocEntry[] | undefined;
  lang: string;
  scrollerRef: RefObject<HTMLElement | null>;
};

// A heading taken as "being read" once it is this close to the top (or a quarter down a short window).
const READING_LINE_PX = 160;
// Room left above a heading the reader jumped to, so it does not sit flush against the edge.
const JUMP_MARGIN_PX = 16;

function blockElement(scroller: HTMLElement, index: number): HTMLElement | null {
  return scroller.querySelector<HTMLElement>(`[data-block="${index}"]`);
}

/**
 * The article's sections. The one being read is marked (aria-current) as the reader scrolls; choosing one
 * scrolls to it and puts focus on its heading, so a screen reader continues reading from there.
 */
export function TableOfContents({ blocks, toc, lang, scrollerRef }: Props) {
  const t = useT();
  const book = toc !== undefined && toc.length > 0 ? toc : null;
  const entries = useMemo(
    () => (book ? bookContentsOf(book, blocks.length) : contentsOf(blocks)),
    [book, blocks],
  );
  const [current, setCurrent] = useState<number | null>(null);
  // The entry the reader chose, marked as long as its heading stays where the jump put it and the reader
  // has not scrolled since: a short section's next heading may stand above the reading line too.
  const chosen = useRef<number | null>(null);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || entries.length === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = scroller.getBoundingClientRect();
      const readingLine = Math.min(READING_LINE_PX, box.height / 4);
      const tops = entries.flatMap((entry) => {
        const element = blockElement(scroller, entry.index);
        return element ? [{ index: entry.index, top: element.getBoundingClientRect().top - box.top }] : [];
      });
      const jumpedTo = tops.find((heading) => heading.index === chosen.current);
      if (jumpedTo && jumpedTo.top >= -1 && jumpedTo.top <= readingLine) return setCurrent(jumpedTo.index);
      // A book's contents may list its entries out of reading order.
      if (book) tops.sort((a, b) => a.top - b.top);
      const atEnd =
        scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      setCurrent(currentSection(tops, readingLine, atEnd, box.height));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const scrolledByReader = () => {
      chosen.current = null;
    };
    const readerInput = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    for (const type of readerInput) scroller.addEventListener(type, scrolledByReader, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      for (const type of readerInput) scroller.removeEventListener(type, scrolledByReader);
      window.removeEventListener('resize', schedule);
    };
  }, [scrollerRef, entries, book]);

  const goTo = (index: number) => {
    const scroller = scrollerRef.current;
    const heading = scroller && blockElement(scroller, index);
    if (!scroller || !heading) return;
    chosen.current = index;
    setCurrent(index);
    const place = () => {
      const offset = heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - JUMP_MARGIN_PX;
    };
    place();
    // Blocks on the way are laid out lazily (content-visibility); place again once they have their size.
    requestAnimationFrame(place);
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  };

  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc-title">
        {t(book ? 'toc.book' : 'toc.title')}
      </h2>
      {book ? (
        <BookContents toc={book} lang={lang} current={current} goTo={goTo} />
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('toc.empty')}</p>
      ) : (
        <ol className="toc-list">
          {entries.map((entry) => (
            <li key={entry.index} data-level={Math.min(entry.level, 4)}>
              <button
                type="button"
                className="toc-link"
                aria-current={entry.index === current ? 'location' : undefined}
                onClick={() => goTo(entry.index)}
              >
                <span lang={lang} dir="auto">
                  {entry.text}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
