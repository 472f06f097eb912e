import { useEffect, useRef } from 'react';
import { inDialog, isTypingTarget } from './shortcut-list';

type Handlers = {
  /** Focus mode is only offered while an article is open. */
  inArticle: boolean;
  onToggleFocus: () => void;
  onLeaveFocus: () => void;
  onHelp: () => void;
};

/**
 * The app-wide keys: `f` toggles focus mode, Esc leaves it, `?` lists the shortcuts. Keys typed into a
 * field or pressed inside a dialog are left alone, and so is anything with Ctrl, ⌘ or Alt.
 */
export function useAppShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target) || inDialog(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const { inArticle, onToggleFocus, onLeaveFocus, onHelp } = latest.current;
      // On an Arabic layout the same keys give "؟" and "ب"; the physical key still counts.
      if (event.key === '?' || event.key === '؟') {
        event.preventDefault();
        onHelp();
      } else if (inArticle && !event.shiftKey && (event.key === 'f' || event.code === 'KeyF')) {
        event.preventDefault();
        onToggleFocus();
      } else if (event.key === 'Escape') onLeaveFocus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
