import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import { onPageLeaving } from '../page-leaving';
import { keepUnsavedDraft } from './unsaved-drafts';

/** Long enough not to write on every keystroke, short enough that a pause in typing is saved. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Where a draft stands: nothing typed yet (`idle`), typed and waiting for a pause (`pending`), sent
 * (`saving`), confirmed by main (`saved`), or refused (`failed`, with main's error; the text stays).
 */
export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: ApiError };

/** Saves a text; resolves to null once it is stored, or to the error that kept it from being stored. */
export type SaveText = (text: string) => Promise<ApiError | null>;

export type Autosave = {
  draft: string;
  state: AutosaveState;
  /** What the editor calls on every change. */
  edit: (text: string) => void;
  /** Saves now whatever is not saved yet (Ctrl+Enter, blur, closing); resolves as `SaveText` does. */
  flush: () => Promise<ApiError | null>;
  /** Forgets the unsaved text: nothing more is sent (the thing it belonged to is being deleted). */
  discard: () => void;
};

const DONE = Promise.resolve(null);

/**
 * A text that saves itself: `delay` ms after typing pauses, and at once on `flush`, when the editor goes away
 * (unmount) and when the page may be leaving (reload, quit, hidden). Nothing typed is dropped silently: a save
 * that fails leaves the draft as typed and reports the error in `state`; the next edit or flush tries again.
 * Only the newest save's answer sets the state, so an older answer arriving late cannot claim "saved".
 */
export function useAutosave(saved: string, save: SaveText, delay = AUTOSAVE_DELAY_MS): Autosave {
  const [draft, setDraft] = useState(saved);
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const latest = useRef(saved);
  // The text last sent (in flight or stored); a failure sets it back to the text last stored.
  const sent = useRef(saved);
  const stored = useRef(saved);
  const request = useRef(0);
  const answer = useRef<Promise<ApiError | null>>(DONE);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Synchronous up to the call itself, so a flush on `pagehide` still leaves the page before it unloads.
  const flush = useCallback((): Promise<ApiError | null> => {
    clearTimeout(timer.current);
    const text = latest.current;
    if (text === sent.current) return answer.current;
    sent.current = text;
    const id = ++request.current;
    setState({ kind: 'saving' });
    answer.current = saveRef.current(text).then((error) => {
      const newest = id === request.current;
      if (error) {
        if (newest) {
          sent.current = stored.current;
          setState({ kind: 'failed', error });
        }
        return error;
      }
      stored.current = text;
      if (newest) setState({ kind: text === latest.current ? 'saved' : 'pending' });
      return null;
    });
    return answer.current;
  }, []);

  const edit = useCallback(
    (text: string) => {
      latest.current = text;
      setDraft(text);
      clearTimeout(timer.current);
      if (text === sent.current) return;
      setState((now) => (now.kind === 'failed' ? now : { kind: 'pending' }));
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  const discard = useCallback(() => {
    clearTimeout(timer.current);
    latest.current = sent.current;
    answer.current = DONE;
  }, []);

  useEffect(() => {
    const stop = onPageLeaving(() => void flush());
    return () => {
      stop();
      const text = latest.current;
      const save = saveRef.current;
      // The editor is gone: a failure is kept where the app can still show the text (UnsavedDraftsNotice).
      void flush().then((error) => error && keepUnsavedDraft(text, error, save));
    };
  }, [flush]);

  return { draft, state, edit, flush, discard };
}
