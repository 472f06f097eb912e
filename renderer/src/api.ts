import type { HamishApi, Inputs, Outputs, Result } from '../../shared/contract';
import type { Method } from '../../shared/methods';
import { EARLY_CALLS_GLOBAL, earlyKey, type EarlyMethod } from '../../shared/early-script';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the e2e bridge: the contract, nothing else. */
    hamish?: HamishApi;
    /** The calls the page's first script sent, by `earlyKey` (shared/early-script.ts). */
    [EARLY_CALLS_GLOBAL]?: Map<string, Promise<Result<unknown>>>;
    /** An article's first screen, drawn by the page's own script; settles once painted (first-screen/in-page.ts). */
    hamishFirstScreen?: Promise<void>;
  }
}

/** Calls a contract method. The renderer talks to main here and nowhere else. */
export async function call<M extends Method>(method: M, input: Inputs[M]): Promise<Result<Outputs[M]>> {
  const api = window.hamish;
  if (!api) return { ok: false, error: { code: 'internal', message: 'no-bridge' } };
  try {
    // The mapped type cannot correlate M with its own signature; the contract guarantees it.
    const fn = api[method] as (input: Inputs[M]) => Promise<Result<Outputs[M]>>;
    return await fn(input);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

const early = new Map<string, Promise<Result<unknown>>>();
const settled = new Map<string, Result<unknown>>();

/**
 * Starts a read the first screen will need before the interface is ready to ask for it (at startup, while
 * the code is still being evaluated), so that it travels in parallel with the rest of the start. A read the
 * page's first script already sent (shared/early-script.ts) is taken over rather than sent again.
 */
export function callEarly<M extends EarlyMethod>(method: M, input: Inputs[M]): void {
  const key = earlyKey(method, input);
  if (early.has(key)) return;
  const sent = window[EARLY_CALLS_GLOBAL];
  const pending = sent?.get(key) ?? call(method, input);
  sent?.delete(key);
  early.set(key, pending);
  void pending.then((result) => {
    if (early.get(key) === pending) settled.set(key, result);
  });
}

/** The answer to a read started early, once: a later read asks main again. */
export function callOnce<M extends EarlyMethod>(method: M, input: Inputs[M]): Promise<Result<Outputs[M]>> {
  const key = earlyKey(method, input);
  const pending = early.get(key) as Promise<Result<Outputs[M]>> | undefined;
  early.delete(key);
  settled.delete(key);
  return pending ?? call(method, input);
}

/**
 * The answer to a read started early if it has already arrived (without using it up), so that a view can
 * start with it rather than render empty first.
 */
export function arrived<M extends EarlyMethod>(method: M, input: Inputs[M]): Result<Outputs[M]> | undefined {
  return settled.get(earlyKey(method, input)) as Result<Outputs[M]> | undefined;
}

/**
 * The answer to a read started early, as a promise, without using it up (the view that asks for it with
 * `callOnce` still gets it); undefined if it was not started.
 */
export function pendingEarly<M extends EarlyMethod>(
  method: M,
  input: Inputs[M],
): Promise<Result<Outputs[M]>> | undefined {
  return early.get(earlyKey(method, input)) as Promise<Result<Outputs[M]>> | undefined;
}

/** Starts opening an article before the interface is ready for it. */
export function prefetchArticle(id: string): void {
  callEarly('openArticle', { id });
}

/** Opens an article, using the prefetched answer once if there is one. */
export function openArticle(id: string): Promise<Result<Outputs['openArticle']>> {
  return callOnce('openArticle', { id });
}
