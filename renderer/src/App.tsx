import { BookOpen, Library, PanelRight } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, ArticleSummary } from '../../main/api/contract';
import type { Settings } from '../../main/api/settings';
import { call } from './api';
import { ErrorNotice } from './ErrorNotice';
import { createTranslate, pickLanguage } from './i18n';
import { I18nProvider } from './i18n/I18nProvider';
import { LibraryView } from './library/LibraryView';
import { ReaderPage } from './reader/ReaderPage';
import { useRoute } from './use-route';

/** The article to open at start: the one read last, else the first (the default article on a new library). */
function startArticle(articles: readonly ArticleSummary[]): string | null {
  const read = articles
    .filter((a) => a.lastReadAt)
    .sort((a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? ''));
  return (read[0] ?? articles[0])?.id ?? null;
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [route, go] = useRoute();
  const [showNotes, setShowNotes] = useState(() => window.innerWidth >= 900);

  const t = useMemo(
    () => createTranslate(pickLanguage(settings?.language ?? 'auto', navigator.languages)),
    [settings?.language],
  );

  useEffect(() => {
    document.documentElement.lang = t.language;
    document.documentElement.dir = t.dir;
    document.title = t('app.name');
  }, [t]);

  useEffect(() => {
    void Promise.all([call('getSettings', {}), call('listArticles', {})]).then(
      ([settingsResult, listResult]) => {
        if (settingsResult.ok) setSettings(settingsResult.value.settings);
        if (!listResult.ok) return setError(listResult.error);
        setArticles(listResult.value);
      },
    );
  }, [route.view]);

  useEffect(() => {
    if (route.view !== 'start' || !articles) return;
    const id = startArticle(articles);
    go(id ? { view: 'article', id } : { view: 'library' }, true);
  }, [route.view, articles, go]);

  return (
    <I18nProvider t={t}>
      <div className="app" data-theme={settings?.theme ?? 'system'}>
        <header className="topbar">
          <span className="brand">
            <BookOpen aria-hidden="true" size={20} />
            {t('app.name')}
          </span>
          <nav aria-label={t('nav.main')} className="topbar-nav">
            {route.view === 'article' && (
              <button
                type="button"
                className="icon-button"
                aria-pressed={showNotes}
                onClick={() => setShowNotes((shown) => !shown)}
              >
                <PanelRight aria-hidden="true" size={18} />
                {t('panel.title')}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-current={route.view === 'library' ? 'page' : undefined}
              onClick={() => go({ view: 'library' })}
            >
              <Library aria-hidden="true" size={18} />
              {t('nav.library')}
            </button>
          </nav>
        </header>
        <main className="content">
          {error ? (
            <ErrorNotice error={error} />
          ) : route.view === 'article' ? (
            <ReaderPage id={route.id} showNotes={showNotes} />
          ) : route.view === 'library' && articles ? (
            <LibraryView articles={articles} onOpen={(id) => go({ view: 'article', id })} />
          ) : (
            <p className="status">{t('status.loading')}</p>
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
