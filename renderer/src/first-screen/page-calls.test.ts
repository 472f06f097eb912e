import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callEarly as takeOver, callOnce } from '../api';
import { callEarly, pendingEarly } from './page-calls';

/** How many times each method was called on the bridge. */
let calls: Record<string, number>;

beforeEach(() => {
  calls = {};
  const answer = (method: string, value: unknown) => () => {
    calls[method] = (calls[method] ?? 0) + 1;
    return Promise.resolve({ ok: true, value });
  };
  Object.defineProperty(window, 'hamish', {
    configurable: true,
    value: { openArticle: answer('openArticle', { id: 'a' }), listArticles: answer('listArticles', []) },
  });
});
afterEach(() => {
  Reflect.deleteProperty(window, 'hamish');
  Reflect.deleteProperty(window, 'hamishEarlyCalls');
  vi.resetModules();
});

describe("the first-screen script's calls (page-calls.ts)", () => {
  it("reads the page's first calls without taking them, so that the entry takes them over", async () => {
    const sent = Promise.resolve({ ok: true as const, value: [] });
    window.hamishEarlyCalls = new Map([['listArticles:{}', sent]]);
    expect(pendingEarly('listArticles', {})).toBe(sent);
    expect(pendingEarly('listArticles', {})).toBe(sent);
    expect(pendingEarly('openArticle', { id: 'a' })).toBeUndefined();
    // The entry's api.ts takes it, and asks main nothing.
    takeOver('listArticles', {});
    await expect(callOnce('listArticles', {})).resolves.toEqual({ ok: true, value: [] });
    expect(calls).toEqual({});
    expect(window.hamishEarlyCalls.size).toBe(0);
  });

  it("sends a call once, among the page's first calls, even where the first script left none", async () => {
    callEarly('openArticle', { id: 'a' });
    callEarly('openArticle', { id: 'a' });
    const pending = pendingEarly('openArticle', { id: 'a' });
    await expect(pending).resolves.toEqual({ ok: true, value: { id: 'a' } });
    expect(calls).toEqual({ openArticle: 1 });
    // Then taken over by the entry without asking again.
    takeOver('openArticle', { id: 'a' });
    await expect(callOnce('openArticle', { id: 'a' })).resolves.toEqual({ ok: true, value: { id: 'a' } });
    expect(calls).toEqual({ openArticle: 1 });
  });
});
