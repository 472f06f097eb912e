import { Minimize2 } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ArticleSummary } from '../../shared/contract';
import { AnnouncerProvider, LiveRegion } from './announce/Announcer';
import { arrived, call, callOnce } from './api';
import { UnsavedDraftsNotice } from './autosave/UnsavedDraftsNotice';
import { handOverLink, linkOfDrop } from './library/dropped-link';
import { ErrorNotice } from './ErrorNotice';
import { createTranslate, pickLanguage } from './i18n';
import { I18nProvider } from './i18n/I18nProvider';
import { startArticle } from './library/last-read';
import { StoreNotice } from './StoreNotice';
import { ColorNamesProvider } from './reader/color-names';
import { ReaderPage } from './reader/ReaderPage';
import { useSettings } from './settings/use-settings';
import { useAppShortcuts } from './shortcuts/use-app-shortcuts';
import { LibraryPage } from './load-on-demand';
import { useAfterFirstScreen } from './use-after-first-screen';
import { TopBar } from './TopBar';
import { useRoute } from './use-route';
import { useReaderPanels } from './reader/use-reader-panels';

// Only the reader is in the first bundle: every other page and dialog is fetched when first shown.
const BackupsView = lazy(() => import('./library/BackupsView').then((m) => ({ default: m.BackupsView })));
const TrashView = lazy(() => import('./library/TrashView').then((m) => ({ default: m.TrashView })));
const SearchPage = lazy(() => import('./search/SearchPage').then((m) => ({ default: m.SearchPage })));
const ResetNotice = lazy(() => import('./settings/ResetNotice').then((m) => ({ default: m.ResetNotice })));
const SettingsPanel = lazy(() =>
  import('./settings/SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
);
const ShortcutsDialog = lazy(() =>
  import('./shortcuts/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);
const HighlightsPage = lazy(() =>
  import('./highlights/HighlightsPage').then((m) => ({ default: m.HighlightsPage })),
);
const ReviewPage = lazy(() => import('./review/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const ConflictNotice = lazy(() =>
  import('./sync/ConflictNotice').then((m) => ({ default: m.ConflictNotice })),
);
const ConflictsPage = lazy(() => import('./sync/ConflictsPage').then((m) => ({ default: m.ConflictsPage })));

export function App() {
  const { settings, reset, error: settingsError, update, dismissReset } = useSettings();
  // A list asked for at startup and already here is shown in the first render, not one later.
  const [articles, setArticles] = useState<ArticleSummary[] | null>(() => {
    const early = arrived('listArticles', {});
    return early?.ok ? early.value : null;
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [route, go] = useRoute();
  const panels = useReaderPanels();
  const { closeDrawers } = panels;
  const [focusMode, setFocusMode] = useState(false);
  const [dialog, setDialog] = useState<'settings' | 'shortcuts' | null>(null);
  const focusButtonRef = useRef<HTMLButtonElement>(null);
  const inArticle = route.view === 'article';
  const focusing = focusMode && inArticle;

  const t = useMemo(
    () => createTranslate(pickLanguage(settings?.language ?? 'auto', navigator.languages)),
    [settings?.language],
  );

  useEffect(() => {
    document.documentElement.lang = t.language;
    document.documentElement.dir = t.dir;
    document.title = t('app.name');
  }, [t]);

  const [tags, setTags] = useState<string[]>([]);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((n) => n + 1), []);
  useEffect(() => {
    // The reader needs neither the list nor the tags: they are asked for when a page shows them.
    if (route.view === 'article') return;
    void callOnce('listArticles', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      setArticles(result.value);
    });
    if (route.view === 'search' || route.view === 'highlights')
      void call('listTags', {}).then((result) => result.ok && setTags(result.value));
  }, [route.view, revision]);
  const firstScreenShown = useAfterFirstScreen(settings !== null);

  useEffect(() => {
    if (route.view !== 'start' || !articles) return;
    const id = startArticle(articles);
    go(id ? { view: 'article', id } : { view: 'library' }, true);
  }, [route.view, articles, go]);

  const enterFocus = useCallback(() => {
    setFocusMode(true);
    closeDrawers();
    // Focus on a control that focus mode hides (the button just pressed) would be lost: reading goes on
    // from the article instead.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.topbar, .toc, .notes-panel'))
      document.querySelector<HTMLElement>('article.article')?.focus({ preventScroll: true });
  }, [closeDrawers]);
  const leaveFocus = useCallback(() => {
    setFocusMode(false);
    // If focus was on the "leave" button, it went with it: put it on the button that enters again.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) focusButtonRef.current?.focus();
    });
  }, []);

  useAppShortcuts({
    inArticle,
    onToggleFocus: () => (focusing ? leaveFocus() : enterFocus()),
    onLeaveFocus: leaveFocus,
    onHelp: () => setDialog('shortcuts'),
    onSearch: () => go({ view: 'search' }),
    onAllHighlights: () => go({ view: 'highlights' }),
  });

  return (
    <I18nProvider t={t}>
      <AnnouncerProvider>
        <ColorNamesProvider names={settings?.colorNames ?? {}}>
          <div
            className="app"
            data-focus={focusing ? 'true' : undefined}
            onDragOver={(event) => {
              if (event.dataTransfer.types.includes('text/uri-list')) event.preventDefault();
            }}
            onDrop={(event) => {
              // The library handles its own drops; a link dropped anywhere else goes to it to be saved.
              if (event.defaultPrevented) return;
              const link = linkOfDrop(event.dataTransfer);
              if (!link) return;
              event.preventDefault();
              handOverLink(link);
              go({ view: 'library' });
            }}
          >
            <TopBar
              inArticle={inArticle}
              inLibrary={route.view === 'library'}
              showContents={panels.showContents}
              showNotes={panels.showNotes}
              focusButtonRef={focusButtonRef}
              onToggleContents={() => panels.toggle('contents')}
              onToggleNotes={() => panels.toggle('notes')}
              onFocusMode={enterFocus}
              onShortcuts={() => setDialog('shortcuts')}
              onSettings={() => setDialog('settings')}
              onLibrary={() => go({ view: 'library' })}
              onSearch={() => go({ view: 'search' })}
              inSearch={route.view === 'search'}
              onHighlights={() => go({ view: 'highlights' })}
              inHighlights={route.view === 'highlights' || route.view === 'review'}
            />
            <main className="content">
              <LiveRegion />
              {focusing && (
                <button
                  type="button"
                  className="focus-exit icon-only"
                  aria-label={t('focus.leave')}
                  title={`${t('focus.leave')} (Esc)`}
                  onClick={leaveFocus}
                >
                  <Minimize2 aria-hidden="true" size={18} />
                </button>
              )}
              {settingsError && <ErrorNotice error={settingsError} />}
              {firstScreenShown && <StoreNotice onRestored={refresh} />}
              {firstScreenShown && route.view === 'article' && (
                <Suspense fallback={null}>
                  <ConflictNotice
                    key={route.id}
                    articleId={route.id}
                    onResolve={() => go({ view: 'conflicts' })}
                  />
                </Suspense>
              )}
              <UnsavedDraftsNotice />
              <Suspense fallback={<p className="status">{t('status.loading')}</p>}>
                {error ? (
                  <ErrorNotice error={error} />
                ) : !settings ? (
                  // Nothing is laid out before the reader's typography is known: no jump when it arrives.
                  <p className="status">{t('status.loading')}</p>
                ) : route.view === 'article' ? (
                  <ReaderPage
                    key={route.id}
                    id={route.id}
                    at={route.at}
                    showNotes={panels.showNotes}
                    showContents={panels.showContents}
                    drawers={panels.drawers}
                    onClosePanel={panels.close}
                  />
                ) : route.view === 'search' ? (
                  <SearchPage tags={tags} onOpen={(id, at) => go({ view: 'article', id, at })} />
                ) : route.view === 'highlights' ? (
                  <HighlightsPage
                    articles={articles ?? []}
                    tags={tags}
                    onOpen={(id, at) => go({ view: 'article', id, at })}
                    onReview={() => go({ view: 'review' })}
                  />
                ) : route.view === 'review' ? (
                  <ReviewPage
                    onOpen={(id, at) => go({ view: 'article', id, at })}
                    onHighlights={() => go({ view: 'highlights' })}
                  />
                ) : route.view === 'conflicts' ? (
                  <ConflictsPage
                    onBack={() => go({ view: 'library' })}
                    onOpen={(id) => go({ view: 'article', id })}
                  />
                ) : route.view === 'backups' ? (
                  <BackupsView onBack={() => go({ view: 'library' })} onRestored={refresh} />
                ) : route.view === 'trash' ? (
                  <TrashView onBack={() => go({ view: 'library' })} onChanged={refresh} />
                ) : route.view === 'library' && articles ? (
                  <LibraryPage
                    articles={articles}
                    onOpen={(id) => go({ view: 'article', id })}
                    onChanged={refresh}
                    onTrash={() => go({ view: 'trash' })}
                    onBackups={() => go({ view: 'backups' })}
                  />
                ) : (
                  <p className="status">{t('status.loading')}</p>
                )}
              </Suspense>
              <Suspense fallback={null}>
                {reset.length > 0 && <ResetNotice keys={reset} onDismiss={dismissReset} />}
              </Suspense>
            </main>
            <Suspense fallback={null}>
              {dialog === 'settings' && settings && (
                <SettingsPanel
                  settings={settings}
                  onChange={update}
                  onClose={() => setDialog(null)}
                  onOpenConflicts={() => {
                    setDialog(null);
                    go({ view: 'conflicts' });
                  }}
                  onSynced={refresh}
                />
              )}
              {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
            </Suspense>
          </div>
        </ColorNamesProvider>
      </AnnouncerProvider>
    </I18nProvider>
  );
}
