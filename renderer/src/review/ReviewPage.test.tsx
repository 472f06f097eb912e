import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HamishApi } from '../../../shared/contract';
import { entry } from '../highlights/test-entries';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { ReviewPage } from './ReviewPage';

afterEach(() => {
  cleanup();
  delete window.hamish;
});

function bridge() {
  const calls: { method: string; input: unknown }[] = [];
  let reviewed = 0;
  window.hamish = {
    reviewSet: vi.fn(async () => ({
      ok: true,
      value: { cards: [entry(1), entry(2, { note: '' }), entry(3)], due: 3, streak: 2, reviewedToday: 0 },
    })),
    answerReview: vi.fn(async (input: { answer: string }) => {
      calls.push({ method: 'answerReview', input });
      reviewed++;
      const interval = input.answer === 'keep' ? 3 : 14;
      return {
        ok: true,
        value: {
          streak: 3,
          reviewedToday: reviewed,
          review: { lastSeen: '', interval, due: '2026-01-04', archived: input.answer === 'archive' },
        },
      };
    }),
    updateHighlight: vi.fn(async (input: { note: string }) => {
      calls.push({ method: 'updateHighlight', input });
      return { ok: true, value: { ...entry(2), note: input.note } };
    }),
  } as unknown as HamishApi;
  return calls;
}

/** A key pressed once the page's effects (its key listener among them) have run. */
async function key(k: string, code?: string) {
  await act(() => Promise.resolve());
  fireEvent.keyDown(document.body, { key: k, code });
}

describe('the daily review', () => {
  it('runs a whole session from the keyboard: answer, skip, edit a note, finish', async () => {
    const calls = bridge();
    const onOpen = vi.fn();
    render(
      <I18nProvider t={createTranslate('en')}>
        <ReviewPage onOpen={onOpen} onHighlights={() => undefined} />
      </I18nProvider>,
    );
    expect(await screen.findByText('مقطع رقم 1')).toBeTruthy();
    expect(screen.getByText('2 days in a row')).toBeTruthy();
    expect(screen.getByText('0 of 3')).toBeTruthy();

    await key('o');
    expect(onOpen).toHaveBeenCalledWith('a1', { start: 1, end: 6 });
    await key('1');
    expect(await screen.findByText('مقطع رقم 2')).toBeTruthy();
    expect(screen.getByText('Keep: back in 3 days.')).toBeTruthy();
    expect(screen.getByText('3 days in a row')).toBeTruthy();

    await key('e', 'KeyE');
    const note = await screen.findByRole('textbox', { name: 'Note' });
    fireEvent.change(note, { target: { value: 'فكرة جديدة' } });
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('فكرة جديدة')).toBeTruthy();
    expect(calls).toContainEqual({
      method: 'updateHighlight',
      input: { articleId: 'a2', id: 'h2', note: 'فكرة جديدة' },
    });

    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    await key(' ');
    expect(await screen.findByText('مقطع رقم 3')).toBeTruthy();
    await key('3');
    expect(await screen.findByText('That is all for this session.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'answerReview').map((c) => c.input)).toEqual([
      { articleId: 'a1', id: 'h1', answer: 'keep' },
      { articleId: 'a3', id: 'h3', answer: 'archive' },
    ]);
  });

  it('saves a note typed during the review by itself, after a pause, like every other note', async () => {
    const calls = bridge();
    render(
      <I18nProvider t={createTranslate('en')}>
        <ReviewPage onOpen={() => undefined} onHighlights={() => undefined} />
      </I18nProvider>,
    );
    await screen.findByText('مقطع رقم 1');
    await key('e');
    const note = await screen.findByRole('textbox', { name: 'Note' });
    fireEvent.change(note, { target: { value: 'تُحفظ وحدها' } });
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'updateHighlight',
        input: { articleId: 'a1', id: 'h1', note: 'تُحفظ وحدها' },
      }),
    );
    expect(await screen.findByText('Saved')).toBeTruthy();
  });
});
