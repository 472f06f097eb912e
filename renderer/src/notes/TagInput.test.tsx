import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslate, type Language } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { TagInput } from './TagInput';

afterEach(cleanup);

const en = createTranslate('en');

/** TagInput is controlled; this keeps its tags in state, as the panels do, and records every change. */
function Tagged({
  initial,
  suggestions,
  onChange,
}: {
  initial: string[];
  suggestions: string[];
  onChange: (tags: string[]) => void;
}) {
  const [tags, setTags] = useState(initial);
  return (
    <TagInput
      label="Tags"
      tags={tags}
      suggestions={suggestions}
      onChange={(next) => {
        onChange(next);
        setTags(next);
      }}
    />
  );
}

function setup(initial: string[] = [], suggestions: string[] = [], language: Language = 'en') {
  const onChange = vi.fn<(tags: string[]) => void>();
  render(
    <I18nProvider t={createTranslate(language)}>
      <Tagged initial={initial} suggestions={suggestions} onChange={onChange} />
    </I18nProvider>,
  );
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: 'Tags' });
  const chips = () => [...document.querySelectorAll('.chip')].map((chip) => chip.textContent);
  return { input, onChange, chips };
}

function type(input: HTMLInputElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

describe('TagInput', () => {
  it('adds the typed tag on Enter, trimmed and with inner spaces collapsed', () => {
    const { input, onChange, chips } = setup(['أدب']);
    type(input, '  قراءة    نقدية ');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['أدب', 'قراءة نقدية']);
    expect(chips()).toEqual(['أدب', 'قراءة نقدية']);
    expect(input.value).toBe('');
  });

  it.each([',', '،'])('adds the typed tag when %j is typed', (comma) => {
    const { input, onChange } = setup();
    type(input, 'تاريخ');
    type(input, `تاريخ${comma}`);
    expect(onChange).toHaveBeenLastCalledWith(['تاريخ']);
    expect(input.value).toBe('');
  });

  it('adds each tag of a pasted comma-separated list', () => {
    const { input, onChange } = setup();
    type(input, 'history, أدب، poetry');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['history', 'أدب', 'poetry']);
  });

  it.each([
    ['an empty tag', '', en('tags.empty')],
    ['a tag of spaces only', '    ', en('tags.empty')],
    ['a 101-character tag', 'a'.repeat(101), en('tags.tooLong', { max: 100 })],
  ])('refuses %s with a message', (_, text, message) => {
    const { input, onChange } = setup(['x']);
    type(input, text);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a tag already there, Latin compared without case', () => {
    const { input, onChange, chips } = setup(['History']);
    type(input, 'history,');
    expect(onChange).not.toHaveBeenCalled();
    expect(chips()).toEqual(['History']);
    expect(screen.getByRole('alert').textContent).toBe(en('tags.duplicate'));
  });

  it('completes from tags used elsewhere and picks one with the keyboard', () => {
    const { input, onChange } = setup(['أدب'], ['تاريخ', 'أدب', 'مقالات تاريخية', 'فلسفة']);
    type(input, 'تاري');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['تاريخ', 'مقالات تاريخية']);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const second = screen.getByRole('option', { name: 'مقالات تاريخية' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(second.id);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['أدب', 'مقالات تاريخية']);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('wraps around the list with the arrows and closes it with Escape, keeping the text', () => {
    const { input, onChange } = setup([], ['history', 'prehistory']);
    type(input, 'hist');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { name: 'prehistory' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getByRole('option', { name: 'history' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('hist');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['hist']);
  });

  it('removes the last tag on Backspace in the empty input', () => {
    const { input, onChange, chips } = setup(['أ', 'ب', 'ج']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(onChange).toHaveBeenLastCalledWith(['أ', 'ب']);
    expect(chips()).toEqual(['أ', 'ب']);
  });

  it('leaves the tags alone on Backspace while there is text', () => {
    const { input, onChange } = setup(['أ']);
    type(input, 'ب');
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a tag with its own button and keeps focus in the field', () => {
    const { input, onChange, chips } = setup(['تاريخ', 'أدب']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag تاريخ' }));
    expect(onChange).toHaveBeenLastCalledWith(['أدب']);
    expect(chips()).toEqual(['أدب']);
    expect(document.activeElement).toBe(input);
  });

  it('names the remove buttons in Arabic for an Arabic interface', () => {
    setup(['تاريخ'], [], 'ar');
    expect(
      screen.getByRole('button', { name: createTranslate('ar')('tags.remove', { tag: 'تاريخ' }) }),
    ).toBeTruthy();
  });
});
