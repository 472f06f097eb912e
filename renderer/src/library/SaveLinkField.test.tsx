import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { SaveLinkField } from './SaveLinkField';

afterEach(cleanup);

function setup(saving: string | null = null) {
  const onSave = vi.fn<(url: string) => void>();
  const onCancel = vi.fn<() => void>();
  render(
    <I18nProvider t={createTranslate('ar')}>
      <SaveLinkField
        saving={saving}
        pending={[]}
        onSave={onSave}
        onCancel={onCancel}
        onRetry={() => undefined}
      />
    </I18nProvider>,
  );
  return { onSave, onCancel, field: screen.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' }) };
}

describe('the save-a-link field', () => {
  it('is focused by Ctrl+L and by Cmd+L', () => {
    const { field } = setup();
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    expect(document.activeElement).toBe(field);
    field.blur();
    fireEvent.keyDown(window, { key: 'L', metaKey: true });
    expect(document.activeElement).toBe(field);
  });

  it('sends what was typed, an address without a scheme as https, other schemes as they are', () => {
    const { field, onSave } = setup();
    for (const typed of ['  https://news.example/a  ', 'news.example/b', 'file:///etc/passwd']) {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.submit(field);
    }
    expect(onSave.mock.calls.map(([url]) => url)).toEqual([
      'https://news.example/a',
      'https://news.example/b',
      'file:///etc/passwd',
    ]);
  });

  it('shows the address being saved and cancels it with Esc', () => {
    const { onCancel, onSave, field } = setup('https://news.example/a');
    expect(screen.getByRole('status').textContent).toContain('https://news.example/a');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    // One save at a time.
    fireEvent.change(field, { target: { value: 'https://news.example/b' } });
    fireEvent.submit(field);
    expect(onSave).not.toHaveBeenCalled();
  });
});
