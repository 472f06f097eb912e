import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

/** Answers each method after `delays[method]` ms, or never when it has none. */
function answerAfter(delays: Record<string, number>, values: Record<string, unknown>): string[] {
  const asked: string[] = [];
  const method = (name: string) => (input: unknown) => {
    asked.push(`${name}:${JSON.stringify(input)}`);
    const delay = delays[name];
    return new Promise((resolve) => {
      if (delay !== undefined) setTimeout(() => resolve({ ok: true, value: values[name] }), delay);
    });
  };
  Object.defineProperty(window, 'hamish', {
    configurable: true,
    value: {
      getSettings: method('getSettings'),
      listArticles: method('listArticles'),
      openArticle: method('openArticle'),
    },
  });
  return asked;
}

const read: ArticleSummary = {
  id: 'read-last',
  title: 'قرئت أخيرا',
  lang: 'ar',
  dir: 'rtl',
  firstLine: '',
  tags: [],
  highlights: 0,
  importedAt: '2026-11-01T00:00:00.000Z',
  progress: { offset: 10, fraction: 0.1 },
  lastReadAt: '2026-11-30T00:00:00.000Z',
};
const other: ArticleSummary = { ...read, id: 'other', progress: null, lastReadAt: null };

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  window.location.hash = '';
  const root = document.createElement('div');
  root.id = 'root';
  document.body.replaceChildren(root);
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'hamish');
  window.location.hash = '';
});

/** Loads the entry's first steps and starts the first screen; resolves `settled.done` when it settles. */
async function start(): Promise<{ done: boolean }> {
  await import('../early-calls');
  const { showFirstScreen } = await import('./first-screen');
  const settled = { done: false };
  void showFirstScreen().then(() => (settled.done = true));
  return settled;
}

describe('the first screen at start, without a page named', () => {
  it('names the article read last in the address and asks for it', async () => {
    const asked = answerAfter(
      { getSettings: 5, listArticles: 5 },
      { getSettings: { settings: DEFAULT_SETTINGS, reset: [] }, listArticles: [other, read] },
    );
    await start();
    await vi.advanceTimersByTimeAsync(10);
    expect(window.location.hash).toBe('#/article/read-last');
    expect(asked).toContain('openArticle:{"id":"read-last"}');
  });

  it('lets the interface start within the second, however slowly main answers', async () => {
    // The list comes late, then the article never: one second in all, not one for each.
    answerAfter(
      { getSettings: 5, listArticles: 900 },
      { getSettings: { settings: DEFAULT_SETTINGS, reset: [] }, listArticles: [read] },
    );
    const settled = await start();
    await vi.advanceTimersByTimeAsync(990);
    expect(settled.done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(settled.done).toBe(true);
    expect(document.getElementById('root')?.firstChild).toBeNull();
  });

  it('leaves an empty library to the interface, the address unchanged', async () => {
    answerAfter(
      { getSettings: 5, listArticles: 5 },
      { getSettings: { settings: DEFAULT_SETTINGS, reset: [] }, listArticles: [] },
    );
    const settled = await start();
    await vi.advanceTimersByTimeAsync(10);
    expect(settled.done).toBe(true);
    expect(window.location.hash).toBe('');
  });
});
