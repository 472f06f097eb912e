import {
  BookOpen,
  Highlighter,
  Keyboard,
  Library,
  Search,
  Maximize2,
  PanelRight,
  SlidersHorizontal,
  TableOfContents,
} from 'lucide-react';
import type { RefObject } from 'react';
import { useT } from './i18n/I18nProvider';

type Props = {
  inArticle: boolean;
  inLibrary: boolean;
  showContents: boolean;
  showNotes: boolean;
  focusButtonRef: RefObject<HTMLButtonElement | null>;
  onToggleContents: () => void;
  onToggleNotes: () => void;
  onFocusMode: () => void;
  onShortcuts: () => void;
  onSettings: () => void;
  onLibrary: () => void;
  onSearch: () => void;
  inSearch: boolean;
  onHighlights: () => void;
  inHighlights: boolean;
};

/**
 * The window's top bar (the banner landmark): the app's name, the reader's panels and focus mode while an
 * article is open, then shortcuts, settings and the library. Icon-only buttons carry their name as a label
 * and a tooltip; in a narrow window every button is icon-only (styles.css), so the bar stays one line.
 */
export function TopBar({ focusButtonRef, ...props }: Props) {
  const t = useT();
  return (
    <header className="topbar">
      <span className="brand">
        <BookOpen aria-hidden="true" size={20} />
        <span className="brand-name">{t('app.name')}</span>
      </span>
      <nav aria-label={t('nav.main')} className="topbar-nav">
        {props.inArticle && (
          <>
            <button
              type="button"
              className="icon-button"
              aria-pressed={props.showContents}
              aria-label={t('toc.title')}
              title={t('toc.title')}
              onClick={props.onToggleContents}
            >
              <TableOfContents aria-hidden="true" size={18} className="mirror-rtl" />
              <span className="topbar-label">{t('toc.title')}</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-pressed={props.showNotes}
              aria-label={t('panel.title')}
              title={t('panel.title')}
              onClick={props.onToggleNotes}
            >
              <PanelRight aria-hidden="true" size={18} className="mirror-rtl" />
              <span className="topbar-label">{t('panel.title')}</span>
            </button>
            <button
              ref={focusButtonRef}
              type="button"
              className="icon-only topbar-icon"
              aria-label={t('focus.enter')}
              title={`${t('focus.enter')} (f)`}
              onClick={props.onFocusMode}
            >
              <Maximize2 aria-hidden="true" size={18} />
            </button>
            <span className="topbar-separator" aria-hidden="true" />
          </>
        )}
        <button
          type="button"
          className="icon-only topbar-icon"
          aria-label={t('search.title')}
          title={`${t('search.title')} (Ctrl+Shift+F)`}
          aria-current={props.inSearch ? 'page' : undefined}
          onClick={props.onSearch}
        >
          <Search aria-hidden="true" size={18} />
        </button>
        <button
          type="button"
          className="icon-only topbar-icon"
          aria-label={t('highlights.open')}
          title={`${t('highlights.open')} (Ctrl+Shift+H)`}
          aria-current={props.inHighlights ? 'page' : undefined}
          onClick={props.onHighlights}
        >
          <Highlighter aria-hidden="true" size={18} />
        </button>
        <button
          type="button"
          className="icon-only topbar-icon"
          aria-label={t('shortcuts.title')}
          title={`${t('shortcuts.title')} (?)`}
          aria-haspopup="dialog"
          onClick={props.onShortcuts}
        >
          <Keyboard aria-hidden="true" size={18} />
        </button>
        <button
          type="button"
          className="icon-only topbar-icon"
          aria-label={t('settings.title')}
          title={t('settings.title')}
          aria-haspopup="dialog"
          onClick={props.onSettings}
        >
          <SlidersHorizontal aria-hidden="true" size={18} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-current={props.inLibrary ? 'page' : undefined}
          aria-label={t('nav.library')}
          title={t('nav.library')}
          onClick={props.onLibrary}
        >
          <Library aria-hidden="true" size={18} />
          <span className="topbar-label">{t('nav.library')}</span>
        </button>
      </nav>
    </header>
  );
}
