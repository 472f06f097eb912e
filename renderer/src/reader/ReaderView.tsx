import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleView } from '../../../shared/contract';
import { blockStarts, canonicalText } from '../../../shared/article-model';
import { call } from '../api';
import { useHighlightAnnouncements } from '../announce/use-highlight-announcements';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { reanchorSummary } from '../notes/reanchor-summary';
import { TableOfContents } from '../toc/TableOfContents';
import { BlockView } from './BlockView';
import type { Span } from '../search/FindBar';
import { blockElements, canonicalToRange, offsetAtPoint } from './dom-offsets';
import { innermostAt } from './highlight-at';
import { paintFind } from './paint';
import { isWellInView, scrollToReadingLine } from './reading-line';
import { ReadingProgress } from './ReadingProgress';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlights, type ArticlePatch } from './use-highlights';
import { useHighlightSelection } from './use-highlight-selection';
import { useOpenHighlight } from './use-open-highlight';
import { usePaint } from './use-paint';
import { handleCaretKey, useReaderKeys } from './use-reader-keys';
import { useRenderedBlocks } from './use-rendered-blocks';
import { useTagSuggestions } from './use-tag-suggestions';
import { useUndoKeys } from './use-undo-keys';
import { useVowelMarks } from './use-vowel-marks';
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

/**
 * The article with its highlights: selection toolbar, highlight popover, notes panel, keyboard. Each part's
 * logic is its own hook; this component wires them together and lays them out (docs/ARCHITECTURE.md,
 * "The reader and its keys").
 */
export function ReaderView(props: Props) {
  const { article, showNotes, showContents, drawers, onClosePanel, onReload, updateSummary, at } = props;
  const t = useT();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const starts = useMemo(() => blockStarts(article.blocks), [article.blocks]);
  const lengths = useMemo(() => article.blocks.map((b) => b.text.length), [article.blocks]);
  const text = useMemo(() => canonicalText(article.blocks), [article.blocks]);
  const initialOffset = at?.start ?? article.progress?.offset ?? null;
  const renderedBlocks = useRenderedBlocks(initialOffset ?? 0, starts);
  const { hasMarks, hideMarks, toggleMarks, displays } = useVowelMarks(article.blocks);
  const [finding, setFinding] = useState(false);

  const annotations = useHighlights(article.id, article.highlights, {
    note: article.note,
    tags: article.tags,
  });
  const { highlights } = annotations;
  useHighlightAnnouncements(highlights, annotations.announcedElsewhere);
  const [selection, clearSelection] = useCanonicalSelection(
    articleRef,
    scrollerRef,
    starts,
    lengths,
    displays,
  );
  useWordSnap(articleRef, text, starts, lengths, displays);
  useReadingCaret(articleRef, scrollerRef);
  const marginSide = useMarginRoom(scrollerRef, articleRef, marginSideOf(article.dir));

  const save = useCallback(
    (offset: number, fraction: number) => void call('saveProgress', { id: article.id, offset, fraction }),
    [article.id],
  );
  const fraction = useReadingPosition(scrollerRef, article.blocks, initialOffset, save);

  const { suggestions, refresh: refreshTags, textShown } = useTagSuggestions();
  // The notes panel's code is fetched once the text is shown, even where the panel starts closed (a drawer
  // in a narrow window): else the drawer would open empty until its code arrives.
  useEffect(() => {
    if (textShown) void import('../notes/NotesPanel');
  }, [textShown]);

  // The rendered blocks by index, read at the moment they are needed (more render after the first screen).
  const blocks = useCallback(
    () => (articleRef.current ? blockElements(articleRef.current) : new Map<number, HTMLElement>()),
    [],
  );
  const opened = useOpenHighlight(highlights, { scrollerRef, blocks, starts, displays });
  const { active, activeId, activePassage, close: closePopover } = opened;
  usePaint(blocks, { starts, displays, highlights, active, renderedBlocks, at });
  const { lastColor, highlightSelection } = useHighlightSelection(articleRef, annotations, {
    starts,
    lengths,
    displays,
    clearSelection,
  });

  const showMatches = useCallback(
    (matches: Span[], current: number) => {
      const map = blocks();
      paintFind(map, starts, matches, current, displays);
      const here = matches[current];
      const range = here ? canonicalToRange(map, starts, here.start, here.end, displays) : null;
      const scroller = scrollerRef.current;
      if (range && scroller && !isWellInView(scroller, range)) scrollToReadingLine(scroller, range);
    },
    [blocks, starts, displays],
  );

  const onArticleClick = (event: React.MouseEvent) => {
    if (document.getSelection()?.isCollapsed === false) return;
    const offset = offsetAtPoint(starts, event.clientX, event.clientY, displays);
    if (offset === null) return;
    const hit = innermostAt(highlights, offset);
    if (hit) opened.open(hit, false);
    else closePopover();
  };

  useReaderKeys({
    hasSelection: () => readSelection(articleRef.current, starts, lengths, displays) !== null,
    highlightSelection: (color, anyColor) => void highlightSelection(color, anyColor),
    lastColor,
    active,
    recolour: (id, color) => void annotations.update(id, { color }),
    toggleMarks: hasMarks ? toggleMarks : null,
    openFind: () => setFinding(true),
    dismiss: () => {
      closePopover();
      clearSelection();
    },
  });
  useUndoKeys(annotations, closePopover);

  const updateSource = async () => {
    const result = await call('updateArticleSource', { id: article.id });
    if (!result.ok || result.value === null) return;
    onReload(reanchorSummary(t, result.value));
  };

  const saveArticleNote = async (patch: ArticlePatch, session?: string) => {
    const failure = await annotations.updateArticle(patch, { session });
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
        <ReadingProgress fraction={fraction} />
        {annotations.error && <ErrorNotice error={annotations.error} onRetry={annotations.clearError} />}
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
              onClick={toggleMarks}
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
            onKeyDown={(event) =>
              handleCaretKey(event.nativeEvent, articleRef.current, scrollerRef.current, article.dir)
            }
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
                onSave={(id, note, session) => annotations.update(id, { note }, { session })}
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
              articleNote={annotations.article.note}
              articleTags={annotations.article.tags}
              articleRevision={annotations.articleRevision}
              suggestions={suggestions}
              onOpen={(h) => opened.open(h, true)}
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
              const failure = await annotations.update(active.id, patch);
              if (!failure && patch.tags) refreshTags();
              return failure;
            }}
            onNote={(note, session) => annotations.update(active.id, { note }, { session })}
            onDelete={() => {
              closePopover();
              void annotations.remove(active.id);
            }}
            onClose={closePopover}
          />
        </Suspense>
      )}
    </div>
  );
}
