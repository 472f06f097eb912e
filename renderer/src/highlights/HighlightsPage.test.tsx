import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HamishApi, HighlightEntry } from '../../../shared/contract';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { HighlightsPage } from './HighlightsPage';
import { entry } from './test-entries';

afterEach(() => {
  cleanup();
  delete window.hamish;
});

/** A bridge answering only what the highlights view asks; every call is recorded. */
function bridge(entries: HighlightEntry[], leftOut = 0) {
  const calls: { method: string; input: unknown }[] = [];
  const api = {
    listAllHighlights: vi.fn(async (input: { offset?: number; limit?: number }) => {
      calls.push({ method: 'listAllHighlights', input });
      const from = input.offset ?? 0;
      const page = entries.slice(from, input.limit === undefined ? undefined : from + input.limit);
      return { ok: true, value: { highlights: page, total: entries.length, leftOut } };
    }),
    updateHighlight: vi.fn(async (input: { id: string; color?: string; tags?: string[] }) => {
      calls.push({ method: 'updateHighlight', input });
      const found = entries.find((e) => e.id === input.id);
      if (found && input.color) found.color = input.color as HighlightEntry['color'];
      if (found && input.tags) found.tags = input.tags;
      return { ok: true, value: found };
    }),
    listTags: vi.fn(async () => ({ ok: true, value: [...new Set(entries.flatMap((e) => e.tags))].sort() })),
  };
  window.hamish = api as unknown as HamishApi;
  return calls;
}

function show() {
  render(
    <I18nProvider t={createTranslate('en')}>
      <HighlightsPage articles={[]} tags={[]} onOpen={() => undefined} onReview={() => undefined} />
    </I18nProvider>,
  );
}

describe('the highlights view', () => {
  it('puts only the rows in view on the page, however many highlights there are', async () => {
    bridge(Array.from({ length: 10_000 }, (_, n) => entry(n)));
    show();
    const list = await screen.findByRole('list', { name: 'Highlights' });
    // The first screenful arrives alone, the rest in pieces behind it.
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('10000'),
    );
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(40);
    expect(screen.getByText('10,000 highlights')).toBeTruthy();
  });

  it('shows other rows after a scroll', async () => {
    bridge(Array.from({ length: 10_000 }, (_, n) => entry(n)));
    show();
    const list = await screen.findByRole('list', { name: 'Highlights' });
    const viewport = list.parentElement as HTMLElement;
    viewport.scrollTop = 132 * 5000;
    fireEvent.scroll(viewport);
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')[0]?.getAttribute('aria-posinset')).not.toBe('1'),
    );
    expect(screen.getByText('مقطع رقم 5000')).toBeTruthy();
  });

  it('recolours the chosen highlights together', async () => {
    const calls = bridge([entry(1), entry(2), entry(3)]);
    show();
    await screen.findByText('مقطع رقم 1');
    fireEvent.click(screen.getByRole('checkbox', { name: /مقطع رقم 1/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /مقطع رقم 3/ }));
    expect(screen.getByText('2 chosen')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Change colour…' }), {
      target: { value: 'green' },
    });
    await screen.findByText('2 highlights are now green.');
    const updates = calls.filter((c) => c.method === 'updateHighlight').map((c) => c.input);
    expect(updates).toEqual([
      { articleId: 'a1', id: 'h1', color: 'green' },
      { articleId: 'a3', id: 'h3', color: 'green' },
    ]);
  });

  it('tags the chosen highlights, and the tag filter offers the new tag at once', async () => {
    const calls = bridge([entry(1), entry(2, { tags: ['قديم'] })]);
    show();
    await screen.findByText('مقطع رقم 1');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose all shown' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Tag' }), { target: { value: ' جديد ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByText('Tag «جديد» added to 2 highlights.');
    expect(calls.filter((c) => c.method === 'updateHighlight').map((c) => c.input)).toEqual([
      { articleId: 'a1', id: 'h1', tags: ['جديد'] },
      { articleId: 'a2', id: 'h2', tags: ['قديم', 'جديد'] },
    ]);
    expect(await screen.findByRole('option', { name: 'جديد' })).toBeTruthy();
  });

  it('marks an orphan, and says how many highlights of trashed articles are left out', async () => {
    bridge([entry(1, { status: 'orphan', start: -1, end: -1 })], 4);
    show();
    expect(await screen.findByText('Passage not found')).toBeTruthy();
    expect(screen.getByText('4 highlights of articles in the trash are not shown.')).toBeTruthy();
  });

  it('explains what to do when there are no highlights yet', async () => {
    bridge([]);
    show();
    expect(await screen.findByText(/No highlights yet/)).toBeTruthy();
  });
});
