import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { SHORTCUTS, type KeyPress, type ShortcutId } from './shortcut-list';
import { ShortcutsDialog } from './ShortcutsDialog';
import { bindShortcuts, type ShortcutBindings } from './use-shortcut-keys';

afterEach(cleanup);

const ALL = SHORTCUTS.flatMap((group) => group.shortcuts);
const NONE = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return { key, code: '', ...NONE, ...more };
}

/** The registered shortcut a press is, by asking every shortcut's own matcher. */
function shortcutOf(keyPress: KeyPress): ShortcutId[] {
  return ALL.filter((shortcut) => shortcut.matches(keyPress)).map((shortcut) => shortcut.id);
}

function keydown(key: string, more: Partial<KeyboardEventInit> = {}, target: Element = document.body) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...more });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('the shortcut registry', () => {
  it('gives every shortcut its own id', () => {
    expect(new Set(ALL.map((s) => s.id)).size).toBe(ALL.length);
  });

  it('lists every registered shortcut in the ? overlay, in both languages', () => {
    for (const language of ['en', 'ar'] as const) {
      const t = createTranslate(language);
      render(
        <I18nProvider t={t}>
          <ShortcutsDialog onClose={() => undefined} />
        </I18nProvider>,
      );
      const dialog = screen.getByRole('dialog', { hidden: true });
      const listed = within(dialog)
        .getAllByRole('definition', { hidden: true })
        .map((d) => d.textContent);
      expect(listed).toEqual(ALL.map((shortcut) => t(shortcut.description)));
      cleanup();
    }
  });

  it.each<[string, KeyPress, ShortcutId[]]>([
    ['Ctrl+F finds in the article', press('f', { ctrlKey: true }), ['find']],
    ['⌘+Shift+F searches the library', press('F', { metaKey: true, shiftKey: true }), ['search']],
    [
      'Ctrl+Shift+H on an Arabic layout opens all highlights',
      press('ا', { code: 'KeyH', ctrlKey: true, shiftKey: true }),
      ['highlights'],
    ],
    ['f on an Arabic layout toggles focus mode', press('ب', { code: 'KeyF' }), ['focus']],
    ['؟ lists the shortcuts', press('؟', { shiftKey: true }), ['help']],
    ['m hides the vowel marks', press('m'), ['marks']],
    ['h highlights in the last colour', press('h'), ['highlight']],
    ['3 picks the third colour', press('3'), ['colour']],
    ['Esc', press('Escape'), ['escape']],
    ['Ctrl+Z on an Arabic layout undoes', press('ئ', { code: 'KeyZ', ctrlKey: true }), ['undo']],
    ['Ctrl+Y redoes', press('y', { ctrlKey: true }), ['redo']],
    ['⌘+Shift+Z redoes', press('z', { metaKey: true, shiftKey: true }), ['redo']],
    ['an arrow moves the caret', press('ArrowLeft'), ['caret']],
    ['Ctrl+arrow moves it a word', press('ArrowRight', { ctrlKey: true }), ['caret']],
    ['End goes to the line end', press('End'), ['lineEnds']],
    ['Shift+arrow selects', press('ArrowDown', { shiftKey: true }), ['extend']],
    ['Shift+Home selects to the line start', press('Home', { shiftKey: true }), ['extend']],
    ['Ctrl+Enter saves the note', press('Enter', { ctrlKey: true }), ['saveNote']],
    ['Ctrl+L goes to the save-a-link field', press('l', { ctrlKey: true }), ['saveLink']],
  ])('knows the key: %s', (_name, keyPress, ids) => {
    expect(shortcutOf(keyPress)).toEqual(ids);
  });

  it.each<[string, KeyPress]>([
    ['a digit past the last colour', press('6')],
    ['0', press('0')],
    ['Alt+h', press('h', { altKey: true })],
    ['⌘+arrow (the system moves to the line end)', press('ArrowLeft', { metaKey: true })],
    ['Ctrl+Alt+Z', press('z', { ctrlKey: true, altKey: true })],
    ['a plain letter with no shortcut', press('q')],
  ])('answers no shortcut for %s', (_name, keyPress) => {
    expect(shortcutOf(keyPress)).toEqual([]);
  });
});

describe('binding shortcuts', () => {
  it('runs the bound shortcut and takes the press from the browser', () => {
    const marks = vi.fn();
    const event = keydown('m');
    expect(bindShortcuts(event, { marks })).toBe(true);
    expect(marks).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves a text field its keys, except the shortcuts that work from anywhere', () => {
    const field = document.createElement('textarea');
    const bindings: ShortcutBindings = { marks: vi.fn(), find: vi.fn() };
    expect(bindShortcuts(keydown('m', {}, field), bindings)).toBe(false);
    expect(bindShortcuts(keydown('f', { ctrlKey: true }, field), bindings)).toBe(true);
    expect(bindings.marks).not.toHaveBeenCalled();
  });

  it('passes Esc on after using it, so focus mode is left as the selection clears', () => {
    const event = keydown('Escape');
    expect(bindShortcuts(event, { escape: () => undefined })).toBe(true);
    expect(event.defaultPrevented).toBe(false);
  });

  it('leaves a press to the browser when its shortcut does not apply now', () => {
    const event = keydown('h');
    expect(bindShortcuts(event, { highlight: () => false })).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('answers nothing for a key no shortcut is bound to here', () => {
    const event = keydown('m');
    expect(bindShortcuts(event, { highlight: vi.fn() })).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });
});
