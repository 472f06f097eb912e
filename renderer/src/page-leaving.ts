/**
 * Calls `flush` whenever the page may be about to go away: reload, quit, closing the window, or being hidden
 * (a hidden page may be discarded or frozen without another event). A debounced save that is still waiting
 * must be sent now: the call leaves the page synchronously, so main receives it even while the page unloads.
 * Returns the function that stops listening.
 */
export function onPageLeaving(flush: () => void): () => void {
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
