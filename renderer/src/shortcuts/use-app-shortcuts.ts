import { useShortcutKeys } from './use-shortcut-keys';

type Handlers = {
  /** Focus mode is only offered while an article is open. */
  inArticle: boolean;
  onToggleFocus: () => void;
  onLeaveFocus: () => void;
  onHelp: () => void;
  onSearch: () => void;
  onAllHighlights: () => void;
};

/**
 * The app-wide keys. Search and all highlights answer from anywhere, a field or a dialog included. `f`
 * toggles focus mode, Esc leaves it and `?` lists the shortcuts, except inside a dialog (its keys are its
 * own) or when the page under it already took the press.
 */
export function useAppShortcuts(handlers: Handlers): void {
  useShortcutKeys({
    search: () => handlers.onSearch(),
    highlights: () => handlers.onAllHighlights(),
  });
  useShortcutKeys(
    {
      help: () => handlers.onHelp(),
      focus: () => (handlers.inArticle ? handlers.onToggleFocus() : false),
      escape: () => handlers.onLeaveFocus(),
    },
    { outsideDialogs: true, unhandledOnly: true },
  );
}
