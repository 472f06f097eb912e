/**
 * The pages fetched on demand that the start may already know it will show: asking for the chunk early
 * (see early-calls.ts) lets it load in parallel with the first bundle; React.lazy then finds it loaded.
 */
export const loadLibraryPage = () => import('./library/LibraryPage');
