import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HamishApi, SyncSettingsView, SyncStatus } from '../../../shared/contract';
import { createTranslate, type Language } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { SyncSettings } from './SyncSettings';

const URL_KEPT = 'https://couch.example.org/hamish';

afterEach(() => {
  cleanup();
  delete (window as { hamish?: HamishApi }).hamish;
});

/** The page's bridge answering the sync methods from fixed values, recording what configureSync was given. */
function bridge(view: SyncSettingsView, status: Partial<SyncStatus> = {}) {
  const configured = vi.fn((input: unknown) => ({ ok: true, value: { ...view, ...(input as object) } }));
  const answers: Record<string, (input: unknown) => unknown> = {
    syncSettings: () => ({ ok: true, value: view }),
    syncStatus: () => ({
      ok: true,
      value: {
        configured: view.url !== null,
        lastSyncAt: null,
        lastResult: null,
        running: false,
        error: null,
        ...status,
      },
    }),
    syncConflicts: () => ({ ok: true, value: [] }),
    configureSync: configured,
  };
  (window as { hamish?: unknown }).hamish = new Proxy(
    {},
    { get: (_target, method: string) => async (input: unknown) => answers[method]?.(input) },
  );
  return { configured };
}

function show(language: Language = 'en') {
  render(
    <I18nProvider t={createTranslate(language)}>
      <SyncSettings onOpenConflicts={() => undefined} onSynced={() => undefined} />
    </I18nProvider>,
  );
}

const kept: SyncSettingsView = {
  url: URL_KEPT,
  username: 'qari',
  hasPassword: true,
  auto: true,
  encrypted: false,
  includeSettings: false,
};

describe('sync settings', () => {
  it('says a password is kept without ever showing it, and keeps it when the field is left empty', async () => {
    const { configured } = bridge(kept);
    show();
    await screen.findByText(/A password is kept/);
    const password = screen.getByLabelText('Password');
    expect((password as HTMLInputElement).value).toBe('');
    expect(password.getAttribute('type')).toBe('password');
    expect(screen.getByRole('textbox', { name: 'Database address' }).getAttribute('dir')).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Sync settings saved.');
    expect(configured).toHaveBeenCalledWith({
      url: URL_KEPT,
      username: 'qari',
      includeSettings: false,
      auto: true,
    });
  });

  it('refuses an address without http:// or https:// in words, and sends nothing', async () => {
    const { configured } = bridge({ ...kept, url: null, username: null, hasPassword: false });
    show();
    await screen.findByText('No password is kept.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Database address' }), {
      target: { value: 'couch.example.org/hamish' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/beginning with https:\/\//);
    expect(configured).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', true);
  });

  it("shows why an automatic sync failed, in the interface's language, naming the server", async () => {
    bridge(kept, {
      lastSyncAt: '2026-03-05T14:07:00.000Z',
      error: { code: 'sync-unauthorized', message: 'Name or password is incorrect.' },
    });
    show('ar');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain(URL_KEPT));
    expect(alert.textContent).toMatch(/[\u0600-\u06FF]/);
    expect(screen.getByText(/^آخر مزامنة: /)).toBeTruthy();
  });

  for (const [language, words] of [
    ['en', /passphrase does not open/],
    ['ar', /عبارة التشفير لا تفتح/],
  ] as const) {
    it(`says a wrong passphrase is not a refused password (${language})`, async () => {
      bridge(
        { ...kept, encrypted: true },
        {
          error: { code: 'sync-wrong-passphrase', message: 'The passphrase does not open the database.' },
        },
      );
      show(language);
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert.textContent).toContain(URL_KEPT));
      expect(alert.textContent).toMatch(words);
      expect(alert.textContent).not.toMatch(/password\b|كلمة المرور/);
    });
  }
});
