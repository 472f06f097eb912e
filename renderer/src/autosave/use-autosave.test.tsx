import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../../shared/contract';
import { forgetUnsavedDraft, useUnsavedDrafts } from './unsaved-drafts';
import { AUTOSAVE_DELAY_MS, useAutosave, type SaveText } from './use-autosave';

const DISK_FULL: ApiError = { code: 'disk-full', message: 'ENOSPC', file: 'annotations/a.json' };

/** A save whose answer the test gives, so the order of answers is the test's to choose. */
function controlledSave() {
  const answers: ((error: ApiError | null) => void)[] = [];
  const save = vi.fn<SaveText>(() => new Promise<ApiError | null>((resolve) => answers.push(resolve)));
  const answer = async (index: number, error: ApiError | null) => {
    await act(async () => answers[index]?.(error));
  };
  return { save, answer };
}

/** A save that succeeds at once. */
const storing = () => vi.fn<SaveText>(async () => null);

function typeInto(hook: { current: { edit: (text: string) => void } }, ...texts: string[]) {
  for (const text of texts) {
    act(() => hook.current.edit(text));
    act(() => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS / 4));
  }
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a note that saves itself', () => {
  it('saves once typing pauses, the text as last typed, and then says it is saved', async () => {
    const save = storing();
    const { result } = renderHook(() => useAutosave('', save));
    typeInto(result, 'م', 'مل', 'ملا', 'ملاحظة');
    expect(save).not.toHaveBeenCalled();
    expect(result.current.state.kind).toBe('pending');
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS));
    expect(save.mock.calls).toEqual([['ملاحظة']]);
    expect(result.current.state.kind).toBe('saved');
  });

  it('saves at once on flush (Ctrl+Enter, blur, Esc) without waiting for the pause', async () => {
    const save = storing();
    const { result } = renderHook(() => useAutosave('قديم', save));
    act(() => result.current.edit('جديد'));
    await act(async () => expect(await result.current.flush()).toBeNull());
    expect(save.mock.calls).toEqual([['جديد']]);
    // The pause that follows finds nothing more to save.
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when nothing was typed, or when the text was typed back to what is stored', async () => {
    const save = storing();
    const { result, unmount } = renderHook(() => useAutosave('كما هو', save));
    await act(async () => void (await result.current.flush()));
    act(() => result.current.edit('كما هو!'));
    act(() => result.current.edit('كما هو'));
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2));
    unmount();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps the text after a failed save, reports the error, and saves it on the next try', async () => {
    const { save, answer } = controlledSave();
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('نص لا يضيع'));
    act(() => void result.current.flush());
    await answer(0, DISK_FULL);
    expect(result.current.draft).toBe('نص لا يضيع');
    expect(result.current.state).toEqual({ kind: 'failed', error: DISK_FULL });

    // Flushing again sends the same text again: it was never stored.
    act(() => void result.current.flush());
    expect(save.mock.calls).toEqual([['نص لا يضيع'], ['نص لا يضيع']]);
    await answer(1, null);
    expect(result.current.state.kind).toBe('saved');
  });

  it('keeps showing the failure while the reader types on, until a save succeeds', async () => {
    const { save, answer } = controlledSave();
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('أ'));
    act(() => void result.current.flush());
    await answer(0, DISK_FULL);
    act(() => result.current.edit('أب'));
    expect(result.current.state.kind).toBe('failed');
    act(() => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS));
    expect(save.mock.calls.at(-1)).toEqual(['أب']);
    await answer(1, null);
    expect(result.current.state.kind).toBe('saved');
  });

  it('lets only the newest save decide the state: an older answer arriving late cannot say "saved"', async () => {
    const { save, answer } = controlledSave();
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('أول'));
    act(() => void result.current.flush());
    act(() => result.current.edit('أول وثانٍ'));
    act(() => void result.current.flush());
    await answer(1, DISK_FULL);
    await answer(0, null);
    expect(result.current.state).toEqual({ kind: 'failed', error: DISK_FULL });
    expect(result.current.draft).toBe('أول وثانٍ');
  });

  it('saves what is unsaved when the editor goes away (popover closed, article switched)', () => {
    const save = storing();
    const { result, unmount } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('قبل الإغلاق'));
    unmount();
    expect(save.mock.calls).toEqual([['قبل الإغلاق']]);
  });

  it('keeps a note whose editor went away while its save failed, for the app to show and save again', async () => {
    const { save, answer } = controlledSave();
    const kept = renderHook(() => useUnsavedDrafts());
    const { result, unmount } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('لا مكان له بعد الإغلاق'));
    unmount();
    await answer(0, DISK_FULL);
    expect(kept.result.current).toMatchObject([{ text: 'لا مكان له بعد الإغلاق', error: DISK_FULL }]);
    act(() => forgetUnsavedDraft(kept.result.current[0]?.id ?? 0));
  });

  it.each([
    ['pagehide (reload, quit)', () => window.dispatchEvent(new Event('pagehide'))],
    ['beforeunload', () => window.dispatchEvent(new Event('beforeunload'))],
    [
      'visibilitychange to hidden',
      () => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      },
    ],
  ])('sends the draft during %s itself, before the page can unload', (_name, leave) => {
    const save = storing();
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('قبل إعادة التحميل'));
    leave();
    expect(save.mock.calls).toEqual([['قبل إعادة التحميل']]);
  });

  it('sends nothing when the page is shown again', () => {
    const save = storing();
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.edit('مسودة'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(save).not.toHaveBeenCalled();
  });

  it('sends nothing after discard, not even when the editor goes away', () => {
    const save = storing();
    const { result, unmount } = renderHook(() => useAutosave('محفوظ', save));
    act(() => result.current.edit('لن يُرسل'));
    act(() => result.current.discard());
    act(() => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2));
    unmount();
    expect(save).not.toHaveBeenCalled();
  });
});
