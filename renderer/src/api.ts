import type { HamishApi, Inputs, Outputs, Result } from '../../main/api/contract';
import type { Method } from '../../main/api/methods';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the e2e bridge: the contract, nothing else. */
    hamish?: HamishApi;
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

const prefetched = new Map<string, Promise<Result<Outputs['openArticle']>>>();

/**
 * Starts opening an article before the interface is ready for it (at startup, while the settings load), so
 * the first screen of a long article does not wait for two round trips in a row.
 */
export function prefetchArticle(id: string): void {
  if (!prefetched.has(id)) prefetched.set(id, call('openArticle', { id }));
}

/** Opens an article, using the prefetched answer once if there is one. */
export function openArticle(id: string): Promise<Result<Outputs['openArticle']>> {
  const early = prefetched.get(id);
  prefetched.delete(id);
  return early ?? call('openArticle', { id });
}
