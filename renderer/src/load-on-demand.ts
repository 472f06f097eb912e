import { lazy } from 'react';

/**
 * The pages fetched on demand that the start may already know it will show: asking for the chunk early
 * (see early-calls.ts) lets it load in parallel with the first bundle.
 */
type LibraryModule = typeof import('./library/LibraryPage');
let libraryModule: LibraryModule | undefined;

export const loadLibraryPage = () =>
  import('./library/LibraryPage').then((module) => (libraryModule = module));

/**
 * The library page, lazily. Once its chunk has loaded (as it has when the start asked for it early), the
 * first render shows it at once: React.lazy takes a thenable that settles synchronously as already
 * loaded, where a promise would suspend the render, commit the "loading" fallback, and reveal the page
 * only after React's throttle on Suspense (measured: the 500-card library painted about 250 ms later).
 * See docs/ARCHITECTURE.md, "Opening fast".
 */
export const LibraryPage = lazy(() => {
  const loaded = libraryModule;
  if (!loaded) return loadLibraryPage().then((module) => ({ default: module.LibraryPage }));
  const now = { default: loaded.LibraryPage };
  // A thenable, not a Promise: its `then` runs the callback at once, which React.lazy reads as loaded.
  const settled: PromiseLike<typeof now> = {
    then: <A, B>(resolve?: ((value: typeof now) => A | PromiseLike<A>) | null) => {
      resolve?.(now);
      return settled as unknown as PromiseLike<A | B>;
    },
  };
  // React.lazy's type asks for a Promise; it only ever calls `then` on it.
  return settled as Promise<typeof now>;
});
