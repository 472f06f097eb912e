import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { HamishApi, SyncConflict } from '../../../shared/contract';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { ConflictsPage } from './ConflictsPage';

afterEach(() => {
  cleanup();
  delete (window as { hamish?: HamishApi }).hamish;
});

const CONFLICT: SyncConflict = {
  id: 'hl:abc:1#0',
  articleId: 'a1',
  articleTitle: 'البيت',
  highlightId: '1',
  quote: 'البيت القديم',
  kept: 'نص المحمول',
  other: 'نص المكتبي',
};

it('says a conflict resolved elsewhere meanwhile is gone, in Arabic, and shows what is left', async () => {
  let listed: SyncConflict[] = [CONFLICT];
  const answers: Record<string, () => unknown> = {
    syncConflicts: () => ({ ok: true, value: listed }),
    resolveSyncConflict: () => {
      listed = []; // the other computer's choice arrived with a sync
      return {
        ok: false,
        error: { code: 'sync-conflict-changed', message: 'There is no conflict hl:abc:1#0.' },
      };
    },
  };
  (window as { hamish?: unknown }).hamish = new Proxy(
    {},
    { get: (_target, method: string) => async () => answers[method]?.() },
  );
  const t = createTranslate('ar');
  render(
    <I18nProvider t={t}>
      <ConflictsPage onBack={() => undefined} onOpen={() => undefined} />
    </I18nProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: t('conflicts.keepBoth') }));
  expect((await screen.findByRole('alert')).textContent).toBe(t('error.sync-conflict-changed'));
  await screen.findByText(t('conflicts.none'));
});
