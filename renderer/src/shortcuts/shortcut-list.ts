import type { MessageKey } from '../i18n';
import { COLORS } from '../../../shared/annotation-model';

/** A key as shown on a keycap: a named key (translated) or a literal character. */
export type Key = { named: 'mod' | 'ctrl' | 'shift' | 'esc' | 'enter' | 'arrows' } | { char: string };

/** What a shortcut reads of a key press (a KeyboardEvent has all of it). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export type ShortcutId =
  | 'focus'
  | 'escape'
  | 'marks'
  | 'find'
  | 'search'
  | 'highlights'
  | 'help'
  | 'caret'
  | 'lineEnds'
  | 'extend'
  | 'highlight'
  | 'colour'
  | 'undo'
  | 'redo'
  | 'saveNote'
  | 'saveLink';

/**
 * One keyboard shortcut: the keys drawn in the `?` overlay (`or` is another combination doing the same),
 * what it does, and which presses it is.
 */
export type Shortcut = {
  id: ShortcutId;
  keys: Key[];
  or?: Key[];
  description: MessageKey;
  matches: (press: KeyPress) => boolean;
  /** Taken inside a text field too; other shortcuts leave a field its own keys. */
  inFields?: true;
  /** The press goes on to the next handler as well: Esc clears the selection and leaves focus mode. */
  passOn?: true;
};
export type ShortcutGroup = { title: MessageKey; shortcuts: Shortcut[] };

const mod: Key = { named: 'mod' };
const shift: Key = { named: 'shift' };

const withMod = (press: KeyPress) => press.ctrlKey || press.metaKey;
/** No Ctrl, ⌘ or Alt: a bare key (Shift allowed, it makes `?` and capitals). */
const bare = (press: KeyPress) => !press.ctrlKey && !press.metaKey && !press.altKey;
const letter = (press: KeyPress, char: string) => press.key.toLowerCase() === char;
// The physical key counts too where noted: on an Arabic layout the same key gives an Arabic letter.
const physical = (press: KeyPress, char: string) =>
  letter(press, char) || press.code === `Key${char.toUpperCase()}`;
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const LINE_ENDS = new Set(['Home', 'End']);
// Caret moves take Ctrl (or Alt on macOS) for a word at a time; ⌘ alone is the system's.
const caretModifiers = (press: KeyPress) => !(press.metaKey && !press.altKey);

/** Which history key a press is: Ctrl/⌘+Z undo; Ctrl/⌘+Shift+Z and Ctrl+Y redo; else null. */
export function historyKey(press: KeyPress): 'undo' | 'redo' | null {
  if (press.altKey) return null;
  if (withMod(press) && physical(press, 'z')) return press.shiftKey ? 'redo' : 'undo';
  if (press.ctrlKey && !press.shiftKey && physical(press, 'y')) return 'redo';
  return null;
}

/**
 * Every keyboard shortcut: the `?` overlay lists exactly these, and every key handler binds to them by id
 * (`bindShortcuts` in use-shortcut-keys.ts), so a key cannot be answered without being listed
 * (docs/ARCHITECTURE.md, "The reader and its keys").
 */
export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'shortcuts.reading',
    shortcuts: [
      {
        id: 'focus',
        keys: [{ char: 'f' }],
        description: 'shortcuts.focus',
        matches: (p) => bare(p) && !p.shiftKey && (p.key === 'f' || p.code === 'KeyF'),
      },
      {
        id: 'escape',
        keys: [{ named: 'esc' }],
        description: 'shortcuts.escape',
        matches: (p) => bare(p) && p.key === 'Escape',
        passOn: true,
      },
      {
        id: 'marks',
        keys: [{ char: 'm' }],
        description: 'shortcuts.marks',
        matches: (p) => bare(p) && letter(p, 'm'),
      },
      {
        id: 'find',
        keys: [mod, { char: 'F' }],
        description: 'shortcuts.find',
        matches: (p) => withMod(p) && !p.shiftKey && letter(p, 'f'),
        inFields: true,
      },
      {
        id: 'search',
        keys: [mod, shift, { char: 'F' }],
        description: 'shortcuts.search',
        matches: (p) => withMod(p) && p.shiftKey && letter(p, 'f'),
        inFields: true,
      },
      {
        id: 'highlights',
        keys: [mod, shift, { char: 'H' }],
        description: 'shortcuts.highlights',
        matches: (p) => withMod(p) && p.shiftKey && physical(p, 'h'),
        inFields: true,
      },
      {
        id: 'saveLink',
        keys: [mod, { char: 'L' }],
        description: 'shortcuts.saveLink',
        matches: (p) => withMod(p) && !p.altKey && !p.shiftKey && letter(p, 'l'),
        inFields: true,
      },
      {
        id: 'help',
        keys: [{ char: '?' }],
        description: 'shortcuts.help',
        // On an Arabic layout the same key gives "؟".
        matches: (p) => bare(p) && (p.key === '?' || p.key === '؟'),
      },
    ],
  },
  {
    title: 'shortcuts.highlighting',
    shortcuts: [
      {
        id: 'caret',
        keys: [{ named: 'arrows' }],
        description: 'shortcuts.caret',
        matches: (p) => !p.shiftKey && caretModifiers(p) && ARROWS.has(p.key),
      },
      {
        id: 'lineEnds',
        keys: [{ char: 'Home' }],
        or: [{ char: 'End' }],
        description: 'shortcuts.lineEnds',
        matches: (p) => !p.shiftKey && caretModifiers(p) && LINE_ENDS.has(p.key),
      },
      {
        id: 'extend',
        keys: [shift, { named: 'arrows' }],
        description: 'shortcuts.extend',
        matches: (p) => p.shiftKey && caretModifiers(p) && (ARROWS.has(p.key) || LINE_ENDS.has(p.key)),
      },
      {
        id: 'highlight',
        keys: [{ char: 'h' }],
        description: 'shortcuts.highlight',
        matches: (p) => bare(p) && letter(p, 'h'),
      },
      {
        id: 'colour',
        keys: [{ char: `1–${COLORS.length}` }],
        description: 'shortcuts.colour',
        matches: (p) => bare(p) && colourOfKey(p) !== null,
      },
      {
        id: 'undo',
        keys: [mod, { char: 'Z' }],
        description: 'shortcuts.undo',
        matches: (p) => historyKey(p) === 'undo',
      },
      {
        id: 'redo',
        keys: [mod, shift, { char: 'Z' }],
        or: [{ named: 'ctrl' }, { char: 'Y' }],
        description: 'shortcuts.redo',
        matches: (p) => historyKey(p) === 'redo',
      },
      {
        id: 'saveNote',
        keys: [mod, { named: 'enter' }],
        description: 'shortcuts.saveNote',
        matches: (p) => withMod(p) && p.key === 'Enter',
        inFields: true,
      },
    ],
  },
];

/** The colour a digit key picks (1 is the first colour), or null for any other key. */
export function colourOfKey(press: KeyPress): (typeof COLORS)[number] | null {
  const digit = Number(press.key);
  return Number.isInteger(digit) && digit >= 1 ? (COLORS[digit - 1] ?? null) : null;
}

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
