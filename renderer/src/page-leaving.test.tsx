import { act, cleanup, render, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../shared/article-model';
import { useReadingPosition } from './reader/use-reading-position';
import { READER_DEFAULTS } from '../../shared/settings';
import { useSettings } from './settings/use-settings';

/** What the page sent to main through `window.hamish`, method by method, in order. */
let sent: { method: string; input: unknown }[];

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  const answer = (method: string, value: unknown) => async (input: unknown) => {
    sent.push({ method, input });
    return { ok: true, value };
  };
  Object.defineProperty(window, 'hamish', {
    configurable: true,
    value: {
      getSettings: answer('getSettings', { settings: READER_DEFAULTS, reset: [] }),
      setSettings: answer('setSettings', READER_DEFAULTS),
    },
  });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'hamish');
  vi.useRealTimers();
});

const BLOCKS: Block[] = [{ kind: 'paragraph', text: 'فقرة أولى' }];

/** A scrolling reader of one block, reporting its position to `save`. */
function Reader({ save }: { save: (offset: number, fraction: number) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  useReadingPosition(scroller, BLOCKS, null, save);
  return (
    <div ref={scroller} data-testid="scroller">
      <p data-block="0">{BLOCKS[0]?.text}</p>
    </div>
  );
}

const writes = () => sent.filter((call) => call.method !== 'getSettings');

describe('leaving the page sends what is still waiting to be saved', () => {
  it('writes a settings change at once on pagehide, instead of after the pause', async () => {
    const { result } = renderHook(() => useSettings());
    await act(async () => undefined);
    act(() => result.current.update({ fontSize: 30 }));
    expect(writes()).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    expect(writes()).toEqual([{ method: 'setSettings', input: { fontSize: 30 } }]);
    // Nothing is written twice when the pause comes.
    act(() => void vi.advanceTimersByTime(1000));
    expect(writes()).toHaveLength(1);
  });

  it('writes a settings change at once when the page is hidden', async () => {
    const { result } = renderHook(() => useSettings());
    await act(async () => undefined);
    act(() => result.current.update({ lineHeight: 2 }));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(writes()).toEqual([{ method: 'setSettings', input: { lineHeight: 2 } }]);
  });

  it('saves the reading position at once on pagehide, and only a position not saved yet', () => {
    const save = vi.fn();
    const { getByTestId } = render(<Reader save={save} />);
    window.dispatchEvent(new Event('pagehide'));
    expect(save).not.toHaveBeenCalled();
    getByTestId('scroller').dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(1000));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves the reading position when the article is closed while the save is waiting', () => {
    const save = vi.fn();
    const { getByTestId, unmount } = render(<Reader save={save} />);
    getByTestId('scroller').dispatchEvent(new Event('scroll'));
    unmount();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
