import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_CALLS_GLOBAL, EARLY_SCRIPT } from '../../shared/early-script';

/** The bridge's calls, in order, and what each answers. */
let asked: string[];

function fakeBridge(answer: (method: string) => unknown = () => ({ ok: true, value: 'answer' })) {
  const bridge = Object.fromEntries(
    ['getSettings', 'openArticle', 'listArticles'].map((method) => [
      method,
      (input: unknown) => {
        asked.push(`${method} ${JSON.stringify(input)}`);
        return Promise.resolve(answer(method));
      },
    ]),
  );
  Object.defineProperty(window, 'hamish', { configurable: true, value: bridge });
}

/** Runs the page's first script as the page does: as a script of its own, at the top level. */
const runScript = (): void => {
  new Function(EARLY_SCRIPT)();
};

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.resetModules();
  asked = [];
});
afterEach(() => {
  Reflect.deleteProperty(window, 'hamish');
  Reflect.deleteProperty(window, EARLY_CALLS_GLOBAL);
  window.location.hash = '';
});

describe("the page's first script", () => {
  // Every address, against what the entry itself asks for there (early-calls.ts): the two must agree, or
  // the entry would send its calls a second time.
  it.each([
    '#/article/abc',
    '#/article/abc@10-25',
    '#/article/abc@9-3',
    '#/library',
    '',
    '#/nope',
    '#/article/../x',
    '#/search',
    '#/trash',
    '#/backups',
    '#/highlights',
    '#/review',
    '#/conflicts',
  ])('asks for what the entry asks for at %j, once', async (hash) => {
    window.location.hash = hash;
    fakeBridge();
    await import('./early-calls');
    await settle();
    const byEntry = [...asked].sort();
    Reflect.deleteProperty(window, 'hamish');

    vi.resetModules();
    asked = [];
    fakeBridge();
    runScript();
    await settle();
    expect([...asked].sort()).toEqual(byEntry);
    // The entry then takes every call over and sends none of its own.
    await import('./early-calls');
    await settle();
    expect([...asked].sort()).toEqual(byEntry);
    expect(window[EARLY_CALLS_GLOBAL]?.size).toBe(0);
  });

  it("gives the entry the script's answers", async () => {
    window.location.hash = '#/article/abc';
    fakeBridge((method) => ({ ok: true, value: `${method} from the script` }));
    runScript();
    const { callOnce } = await import('./api');
    await import('./early-calls');
    await expect(callOnce('openArticle', { id: 'abc' })).resolves.toEqual({
      ok: true,
      value: 'openArticle from the script',
    });
    expect(asked).toEqual(['getSettings {}', 'openArticle {"id":"abc"}']);
  });

  it('turns a bridge that throws into a failed result, as the entry would', async () => {
    window.location.hash = '#/library';
    Object.defineProperty(window, 'hamish', {
      configurable: true,
      value: {
        getSettings: () => {
          throw new Error('bridge gone');
        },
        listArticles: () => Promise.reject(new Error('main gone')),
      },
    });
    runScript();
    const calls = window[EARLY_CALLS_GLOBAL];
    await expect(calls?.get('getSettings:{}')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Error: bridge gone' },
    });
    await expect(calls?.get('listArticles:{}')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Error: main gone' },
    });
  });

  it('does nothing without a bridge, and the entry then asks itself', async () => {
    window.location.hash = '#/article/abc';
    expect(runScript).not.toThrow();
    expect(window[EARLY_CALLS_GLOBAL]).toBeUndefined();
    fakeBridge();
    await import('./early-calls');
    expect(asked.sort()).toEqual(['getSettings {}', 'openArticle {"id":"abc"}']);
  });
});
