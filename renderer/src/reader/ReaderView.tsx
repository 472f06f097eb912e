import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleView, ResolvedHighlight } from '../../../shared/contract';
import { blockStarts, canonicalText } from '../../../shared/article-model';
import { call } from '../api';
import { useHighlightAnnouncements } from '../announce/use-highlight-announcements';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { TableOfContents } from '../toc/TableOfContents';
import { BlockView } from './BlockView';
import { COLORS, type Color } from './colors';
import type { Span } from '../search/FindBar';
import { withoutVowelMarks, type DisplayText } from './display-text';
import { blockElements, canonicalToRange, offsetAtPoint, type Displays } from './dom-offsets';
import { focusPassage } from './focus-passage';
import { highlightToExtend } from './highlight-extension';
import { moveCaretByKey } from './keyboard-selection';
import { clearPaint, flash, paintActive, paintFind, paintHighlights } from './paint';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlights, type ArticlePatch } from './use-highlights';
import { useUndoKeys } from './use-undo-keys';
import { useAfterFirstScreen } from '../use-after-first-screen';
import { useReadingPosition } from './use-reading-position';
import { SidePanel } from './SidePanel';
import { marginSideOf } from './margin-room';
import { useMarginRoom } from './use-margin-room';
import { readSelection, useCanonicalSelection } from './use-selection';
import { useReadingCaret } from './use-reading-caret';
import { useWordSnap } from './use-word-snap';

// The first screen is the text: the notes panel (with its Markdown renderer), the find bar and the
// highlight popover are fetched once the text is shown or when first opened.
const NotesPanel = lazy(() => import('../notes/NotesPanel').then((m) => ({ default: m.NotesPanel })));
const FindBar = lazy(() => import('../search/FindBar').then((m) => ({ default: m.FindBar })));
const HighlightPopover = lazy(() =>
  import('./HighlightPopover').then((m) => ({ default: m.HighlightPopover })),
);
const MarginNotes = lazy(() => import('./MarginNotes').then((m) => ({ default: m.MarginNotes })));

type Props = {
  article: ArticleView;
  showNotes: boolean;
  showContents: boolean;
  /** The side panels are drawers over the text (a narrow window); closing one is the app's. */
  drawers: boolean;
  onClosePanel: (panel: 'contents' | 'notes') => void;
  onReload: (summary: string) => void;
  updateSummary: string | null;
  /** A passage to bring into view on opening (a search hit), instead of the saved reading position. */
  at?: Span;
};

// Harakat, tanwin, shadda, sukun, dagger alef: an article with them gets the "hide vowel marks" toggle.
const VOWEL_MARK = /[\u064B-\u0652\u0670]/;

// The first render shows only the start of a long article (or up to the saved position), so the first
// screen paints quickly; the rest follows right after, off the critical path.
const FIRST_RENDER_BLOCKS = 60;

function firstRenderCount(offset: number, article: ArticleView, starts: readonly number[]): number {
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index++;
  return Math.min(article.blocks.length, index + FIRST_RENDER_BLOCKS);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The article with its highlights: selection toolbar, highlight popover, notes panel, keyboard. */
export function ReaderView(props: Props) {
  const { article, showNotes, showContents, drawers, onClosePanel, onReload, updateSummary, at } = props;
  const t = useT();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const starts = useMemo(() => blockStarts(article.blocks), [article.blocks]);
  const lengths = useMemo(() => article.blocks.map((b) => b.text.length), [article.blocks]);
  const text = useMemo(() => canonicalText(article.blocks), [article.blocks]);
  const initialOffset = at?.start ?? article.progress?.offset ?? null;
  const [renderedBlocks, setRenderedBlocks] = useState(() =>
    firstRenderCount(initialOffset ?? 0, article, starts),
  );
  // Vowel marks hidden is display only: every offset still maps to the stored text through `displays`.
  const hasMarks = useMemo(() => article.blocks.some((b) => VOWEL_MARK.test(b.text)), [article.blocks]);
  const [hideMarks, setHideMarks] = useState(false);
  const displays = useMemo<Displays | undefined>(() => {
    if (!hideMarks) return undefined;
    const cache = new Map<number, DisplayText>();
    return (index) => {
      const block = article.blocks[index];
      if (!block) return undefined;
      let display = cache.get(index);
      if (!display) cache.set(index, (display = withoutVowelMarks(block.text)));
      return display;
    };
  }, [hideMarks, article.blocks]);
  const [finding, setFinding] = useState(false);
  useEffect(() => {
    if (renderedBlocks >= article.blocks.length) return;
    const timer = setTimeout(() => startTransition(() => setRenderedBlocks(article.blocks.length)), 0);
    return () => clearTimeout(timer);
  }, [renderedBlocks, article.blocks.length]);
  const store = useHighlights(article.id, article.highlights, { note: article.note, tags: article.tags });
  const { highlights } = store;
  useHighlightAnnouncements(highlights, store.announcedElsewhere);
  const [selection, clearSelection] = useCanonicalSelection(
    articleRef,
    scrollerRef,
    starts,
    lengths,
    displays,
  );
  useWordSnap(articleRef, text, starts, lengths, displays);
  useReadingCaret(articleRef, scrollerRef);
  const [lastColor, setLastColor] = useState<Color>('yellow');
  const [activeId, setActiveId] = useState<string | null>(null);
  // The open highlight's passage: a live range, so the popover follows it when the text scrolls.
  const [activePassage, setActivePassage] = useState<Range | null>(null);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const active = highlights.find((h) => h.id === activeId) ?? null;
  const marginSide = useMarginRoom(scrollerRef, articleRef, marginSideOf(article.dir));

  const save = useCallback(
    (offset: number, fraction: number) => void call('saveProgress', { id: article.id, offset, fraction }),
    [article.id],
  );
  const fraction = useReadingPosition(scrollerRef, article.blocks, initialOffset, save);

  const refreshTags = useCallback(() => {
    void call('listTags', {}).then((result) => result.ok && setSuggestions(result.value));
  }, []);
  // Tag suggestions are for editing: they are fetched once the text is on screen.
  const textShown = useAfterFirstScreen(true);
  useEffect(() => {
    if (textShown) refreshTags();
  }, [textShown, refreshTags]);
  // The notes panel's code is fetched then too, even where the panel starts closed (a drawer in a narrow
  // window): else the drawer would open empty until its code arrives.
  useEffect(() => {
    if (textShown) void import('../notes/NotesPanel');
  }, [textShown]);

  const blocks = useCallback(
    () => (articleRef.current ? blockElements(articleRef.current) : new Map<number, HTMLElement>()),
    [],
  );

  useEffect(() => {
    paintHighlights(
      blocks(),
      starts,
      highlights.filter((h) => h.status !== 'orphan'),
      displays,
    );
  }, [highlights, starts, blocks, renderedBlocks, displays]);
  useEffect(
    () => paintActive(blocks(), starts, active && active.status !== 'orphan' ? active : null, displays),
    [active, starts, blocks, displays],
  );
  // A search hit opened here: flash it once it is laid out (the reading position put it at the top).
  useEffect(() => {
    if (!at) return;
    const timer = setTimeout(() => {
      flash(blocks(), starts, at, displays);
      focusPassage(blocks(), starts, at, displays);
    }, 300);
    return () => clearTimeout(timer);
  }, [at, blocks, starts, displays]);

  const showMatches = useCallback(
    (matches: Span[], current: number) => {
      const map = blocks();
      paintFind(map, starts, matches, current, displays);
      const here = matches[current];
      const range = here ? canonicalToRange(map, starts, here.start, here.end, displays) : null;
      const scroller = scrollerRef.current;
      if (!range || !scroller) return;
      const rect = range.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40)
        scroller.scrollTop += rect.top - box.top - box.height / 3;
    },
    [blocks, starts, displays],
  );
  useEffect(() => clearPaint, []);

  // Keys and toolbar read the selection from the document at the moment they act: the React copy may
  // lag a selectionchange behind.
  const highlightSelection = useCallback(
    async (color: Color, anyColor = false) => {
      const selection = readSelection(articleRef.current, starts, lengths, displays);
      if (!selection) return;
      setLastColor(color);
      const selected = document.getSelection()?.getRangeAt(0).cloneRange();
      // A selection running on from a highlight grows it rather than laying a second one over it.
      const grow = highlightToExtend(store.latest(), selection.start, selection.end, anyColor ? null : color);
      const saved = grow
        ? (await store.update(grow.highlight.id, { start: grow.start, end: grow.end })) === null
        : 'id' in (await store.create(selection.start, selection.end, color));
      // Clear the selection that was highlighted, not one the reader made while the save was under way.
      const now = document.getSelection();
      const same =
        selected && now?.rangeCount
          ? selected.compareBoundaryPoints(Range.START_TO_START, now.getRangeAt(0)) === 0 &&
            selected.compareBoundaryPoints(Range.END_TO_END, now.getRangeAt(0)) === 0
          : false;
      if (saved && same) clearSelection();
    },
    [starts, lengths, displays, store, clearSelection],
  );

  const openHighlight = useCallback(
    (highlight: ResolvedHighlight, scroll: boolean) => {
      setActiveId(highlight.id);
      if (highlight.status === 'orphan') return setActivePassage(null);
      const map = blocks();
      const range = canonicalToRange(map, starts, highlight.start, highlight.end, displays);
      if (scroll && range && scrollerRef.current) {
        const scroller = scrollerRef.current;
        const place = () => {
          const rect = range.getBoundingClientRect();
          const box = scroller.getBoundingClientRect();
          scroller.scrollTop += rect.top - box.top - box.height / 3;
        };
        place();
        // Blocks far away are laid out lazily; place again once the target block has its real size.
        requestAnimationFrame(() => {
          place();
          setActivePassage(range);
          flash(map, starts, highlight, displays);
        });
      } else setActivePassage(range);
    },
    [blocks, starts, displays],
  );

  const onArticleClick = (event: React.MouseEvent) => {
    if (document.getSelection()?.isCollapsed === false) return;
    const offset = offsetAtPoint(starts, event.clientX, event.clientY, displays);
    if (offset === null) return;
    // Innermost first: with nested highlights the smallest one under the pointer is the one meant.
    const under = highlights
      .filter((h) => h.status !== 'orphan' && h.start <= offset && offset < h.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    const hit = under[0];
    if (hit) openHighlight(hit, false);
    else setActiveId(null);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFinding(true);
        return;
      }
      if (isTyping(event.target)) return;
      if (mod || event.altKey) return;
      if (event.key === 'Escape') {
        setActiveId(null);
        clearSelection();
        return;
      }
      if (event.key.toLowerCase() === 'm' && hasMarks) {
        event.preventDefault();
        setHideMarks((hidden) => !hidden);
        return;
      }
      const digit = Number(event.key);
      const selection = readSelection(articleRef.current, starts, lengths, displays);
      if (selection && event.key.toLowerCase() === 'h') {
        event.preventDefault();
        void highlightSelection(lastColor, true);
      } else if (digit >= 1 && digit <= COLORS.length) {
        const color = COLORS[digit - 1] ?? 'yellow';
        if (selection) {
          event.preventDefault();
          void highlightSelection(color);
        } else if (active) {
          event.preventDefault();
          void store.update(active.id, { color });
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [starts, lengths, displays, hasMarks, lastColor, active, store, highlightSelection, clearSelection]);

  const closePopover = useCallback(() => setActiveId(null), []);
  useUndoKeys(store, closePopover);

  const updateSource = async () => {
    const result = await call('updateArticleSource', { id: article.id });
    if (!result.ok || result.value === null) return;
    const count = (status: string) => result.value?.filter((r) => r.status === status).length ?? 0;
    onReload(
      t('article.updated', {
        exact: count('exact'),
        moved: count('moved'),
        fuzzy: count('fuzzy'),
        orphan: count('orphan'),
      }),
    );
  };

  const saveArticleNote = async (patch: ArticlePatch, session?: string) => {
    const failure = await store.updateArticle(patch, { session });
    if (!failure) refreshTags();
    return failure;
  };

  return (
    <div className={`reader-layout${showNotes ? ' with-notes' : ''}`}>
      {showContents && (
        <SidePanel
          drawer={drawers}
          side="start"
          label={t('toc.title')}
          onClose={() => onClosePanel('contents')}
        >
          <TableOfContents
            blocks={article.blocks}
            toc={article.toc}
            lang={article.lang}
            scrollerRef={scrollerRef}
          />
        </SidePanel>
      )}
      <div className="reader-column">
        <div
          className="progress"
          role="progressbar"
          aria-label={t('reader.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          <div className="progress-bar" style={{ inlineSize: `${fraction * 100}%` }} />
        </div>
        {store.error && <ErrorNotice error={store.error} onRetry={store.clearError} />}
        {finding && (
          <Suspense fallback={null}>
            <FindBar
              articleId={article.id}
              onMatches={showMatches}
              onClose={() => {
                setFinding(false);
                showMatches([], -1);
                articleRef.current?.focus({ preventScroll: true });
              }}
            />
          </Suspense>
        )}
        {hasMarks && (
          <div className="reader-tools">
            <button
              type="button"
              className="icon-button small"
              aria-pressed={hideMarks}
              onClick={() => setHideMarks((h) => !h)}
            >
              {hideMarks ? t('reader.showMarks') : t('reader.hideMarks')} (m)
            </button>
          </div>
        )}
        <div className="reader-scroll" ref={scrollerRef}>
          <article
            ref={articleRef}
            className="article"
            data-marks={hasMarks && !hideMarks ? 'shown' : undefined}
            lang={article.lang}
            dir={article.dir}
            aria-label={t('reader.article')}
            tabIndex={0}
            onClick={onArticleClick}
            onKeyDown={(event) => {
              if (
                articleRef.current &&
                moveCaretByKey(event.nativeEvent, articleRef.current, scrollerRef.current, article.dir)
              )
                event.preventDefault();
            }}
          >
            {article.blocks.slice(0, renderedBlocks).map((block, index) => (
              <BlockView
                key={index}
                block={block}
                index={index}
                display={displays?.(index)}
                isolate={article.dir === 'rtl'}
              />
            ))}
          </article>
          {marginSide && (
            <Suspense fallback={null}>
              <MarginNotes
                scrollerRef={scrollerRef}
                articleRef={articleRef}
                highlights={highlights}
                starts={starts}
                displays={displays}
                side={marginSide}
                activeId={activeId}
                layoutKey={renderedBlocks}
                onSave={(id, note, session) => store.update(id, { note }, { session })}
                onEditStart={closePopover}
              />
            </Suspense>
          )}
        </div>
      </div>
      {showNotes && (
        <SidePanel drawer={drawers} side="end" label={t('panel.title')} onClose={() => onClosePanel('notes')}>
          {/* The panel's room is kept while its code loads, so the text does not move when it arrives. */}
          <Suspense fallback={<aside className="notes-panel" aria-hidden="true" />}>
            <NotesPanel
              articleId={article.id}
              highlights={highlights}
              articleNote={store.article.note}
              articleTags={store.article.tags}
              articleRevision={store.articleRevision}
              suggestions={suggestions}
              onOpen={(h) => openHighlight(h, true)}
              onArticleNote={saveArticleNote}
              onUpdateSource={() => void updateSource()}
              updateSummary={updateSummary}
              web={article.source?.web}
              onUpdatedFromWeb={onReload}
            />
          </Suspense>
        </SidePanel>
      )}
      {selection && !active && (
        <SelectionToolbar
          rect={selection.rect}
          lastColor={lastColor}
          onPick={(c) => void highlightSelection(c)}
        />
      )}
      {active && (
        <Suspense fallback={null}>
          <HighlightPopover
            key={active.id}
            highlight={active}
            passage={activePassage}
            suggestions={suggestions}
            onChange={async (patch) => {
              const failure = await store.update(active.id, patch);
              if (!failure && patch.tags) refreshTags();
              return failure;
            }}
            onNote={(note, session) => store.update(active.id, { note }, { session })}
            onDelete={() => {
              setActiveId(null);
              void store.remove(active.id);
            }}
            onClose={closePopover}
          />
        </Suspense>
      )}
    </div>
  );
}
