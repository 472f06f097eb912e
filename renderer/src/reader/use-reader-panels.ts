import { useCallback, useState } from 'react';
import { contentsOpenAt, notesOpenAt } from '../panels-open';
import { useNarrowWindow } from '../use-narrow-window';

export type Panel = 'contents' | 'notes';

/**
 * Which of the reader's side panels are open, and whether they are drawers (a narrow window). Crossing into
 * a narrow window closes them (open drawers would cover the text); back in a wide one, the notes come back
 * beside the text.
 */
export function useReaderPanels() {
  const [showNotes, setShowNotes] = useState(() => notesOpenAt(window.innerWidth));
  const [showContents, setShowContents] = useState(() => contentsOpenAt(window.innerWidth));
  const narrow = useNarrowWindow();
  const [narrowBefore, setNarrowBefore] = useState(narrow);
  if (narrow !== narrowBefore) {
    setNarrowBefore(narrow);
    setShowNotes(!narrow);
    setShowContents(false);
  }
  const setShown = (panel: Panel) => (panel === 'contents' ? setShowContents : setShowNotes);
  const toggle = (panel: Panel) => {
    const opening = !(panel === 'contents' ? showContents : showNotes);
    setShown(panel)(opening);
    // Drawers open one at a time.
    if (opening && narrow) setShown(panel === 'contents' ? 'notes' : 'contents')(false);
  };
  const close = useCallback(
    (panel: Panel) => (panel === 'contents' ? setShowContents : setShowNotes)(false),
    [],
  );
  /** Focus mode: only the text, so a drawer open over it closes. */
  const closeDrawers = useCallback(() => {
    if (!narrow) return;
    setShowContents(false);
    setShowNotes(false);
  }, [narrow]);
  return { showNotes, showContents, drawers: narrow, toggle, close, closeDrawers };
}
