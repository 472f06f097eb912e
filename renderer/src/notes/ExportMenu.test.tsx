import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HamishApi } from '../../../shared/contract';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { ExportMenu } from './ExportMenu';

afterEach(() => {
  cleanup();
  delete window.hamish;
});

function withBridge() {
  const exportToFile = vi.fn(async (_input: unknown) => ({
    ok: true,
    value: { file: '/home/سارة/notes.md' },
  }));
  window.hamish = { exportToFile } as unknown as HamishApi;
  return exportToFile;
}

function renderMenu(props: Parameters<typeof ExportMenu>[0], language: 'ar' | 'en' = 'ar') {
  render(
    <I18nProvider t={createTranslate(language)}>
      <ExportMenu {...props} />
    </I18nProvider>,
  );
}

describe('ExportMenu', () => {
  it('asks for the export in the interface language, and for every article only when ticked', async () => {
    const exportToFile = withBridge();
    renderMenu({ label: 'صدّر كل الملاحظات' });
    fireEvent.click(screen.getByRole('button', { name: 'صدّر كل الملاحظات' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'صفحة HTML' }));
    await waitFor(() => expect(exportToFile).toHaveBeenCalledTimes(1));
    expect(exportToFile.mock.calls[0]?.[0]).toEqual({ format: 'html', language: 'ar' });

    fireEvent.click(screen.getByRole('button', { name: 'صدّر كل الملاحظات' }));
    fireEvent.click(screen.getByRole('menuitemcheckbox'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'ملف Markdown (لـ Obsidian)' }));
    await waitFor(() => expect(exportToFile).toHaveBeenCalledTimes(2));
    expect(exportToFile.mock.calls[1]?.[0]).toEqual({ format: 'md', language: 'ar', includeEmpty: true });
  });

  it('offers no "every article" option when exporting chosen articles', () => {
    withBridge();
    renderMenu({ label: 'Export…', articleIds: ['a1'] }, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.queryByRole('menuitemcheckbox')).toBeNull();
  });

  it('says where the file went with the path isolated left to right', async () => {
    withBridge();
    renderMenu({ label: 'صدّر…', articleIds: ['a1'] });
    fireEvent.click(screen.getByRole('button', { name: 'صدّر…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'صفحة HTML' }));
    const path = await waitFor(() => {
      const found = document.querySelector('.export-status .export-path');
      if (!found) throw new Error('no status yet');
      return found;
    });
    expect(path.tagName).toBe('BDI');
    expect(path.getAttribute('dir')).toBe('ltr');
    expect(path.closest('[role="status"]')?.textContent).toBe('حُفظ التصدير في /home/سارة/notes.md');
  });
});
