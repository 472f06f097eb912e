import type { MessageKey } from '../i18n';

/** A key as shown on a keycap: a named key (translated) or a literal character. */
export type Key = { named: 'mod' | 'ctrl' | 'shift' | 'esc' | 'enter' | 'arrows' } | { char: string };

/** Keys pressed together; `or` is another combination doing the same. */
export type Shortcut = { keys: Key[]; or?: Key[]; description: MessageKey };
export type ShortcutGroup = { title: MessageKey; shortcuts: Shortcut[] };

const mod: Key = { named: 'mod' };
const shift: Key = { named: 'shift' };

/**
 * Every keyboard shortcut, as the `?` overlay lists them. The reader's own keys are handled in
 * reader/ReaderView.tsx, focus mode and this overlay in App, find and search by the search feature.
 */
export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'shortcuts.reading',
    shortcuts: [
      { keys: [{ char: 'f' }], description: 'shortcuts.focus' },
      { keys: [{ named: 'esc' }], description: 'shortcuts.escape' },
      { keys: [{ char: 'm' }], description: 'shortcuts.marks' },
      { keys: [mod, { char: 'F' }], description: 'shortcuts.find' },
      { keys: [mod, shift, { char: 'F' }], description: 'shortcuts.search' },
      { keys: [mod, shift, { char: 'H' }], description: 'shortcuts.highlights' },
      { keys: [{ char: '?' }], description: 'shortcuts.help' },
    ],
  },
  {
    title: 'shortcuts.highlighting',
    shortcuts: [
      { keys: [{ named: 'arrows' }], description: 'shortcuts.caret' },
      { keys: [{ char: 'Home' }], or: [{ char: 'End' }], description: 'shortcuts.lineEnds' },
      { keys: [shift, { named: 'arrows' }], description: 'shortcuts.extend' },
      { keys: [{ char: 'h' }], description: 'shortcuts.highlight' },
      { keys: [{ char: '1–5' }], description: 'shortcuts.colour' },
      { keys: [mod, { char: 'Z' }], description: 'shortcuts.undo' },
      {
        keys: [mod, shift, { char: 'Z' }],
        or: [{ named: 'ctrl' }, { char: 'Y' }],
        description: 'shortcuts.redo',
      },
      { keys: [mod, { named: 'enter' }], description: 'shortcuts.saveNote' },
    ],
  },
];

/** True on macOS, where the shortcut modifier is ⌘ rather than Ctrl. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** True when a key press is text typed into a field, which no shortcut may take. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** True when a key press happens inside a dialog or popover, whose keys are its own. */
export function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open], [role="dialog"]') !== null;
}
