import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import { arrived, call, callOnce } from '../api';
import { onPageLeaving } from '../page-leaving';
import { keepReadingPosition } from '../reader/use-reading-position';
import { applySettings } from './apply-settings';
import { READER_DEFAULTS, type ReaderSettings } from '../../../shared/settings';

// A slider sends a change per step while dragged; the settings file is written once it rests.
const SAVE_DELAY_MS = 250;

/** The settings the page owns (the window bounds are the shell's). */
function readerPart({
  theme,
  font,
  fontSize,
  lineHeight,
  measure,
  language,
  searchStemming,
  colorNames,
}: ReaderSettings): ReaderSettings {
  return { theme, font, fontSize, lineHeight, measure, language, searchStemming, colorNames };
}

export type SettingsState = {
  /** null until main answered, so nothing is laid out in the wrong typography first. */
  settings: ReaderSettings | null;
  /** Keys main found invalid in the settings file and reset to their defaults. */
  reset: string[];
  error: ApiError | null;
  update: (patch: Partial<ReaderSettings>) => void;
  dismissReset: () => void;
};

/**
 * The reader's settings: loaded from main, applied to the page the moment they change (keeping the
 * passage at the top of the reader in place), written back to main shortly after.
 */
export function useSettings(): SettingsState {
  // Settings asked for at startup that are already here are used in the first render: no empty
  // "loading" screen first, one render less on the way to the text.
  const [early] = useState(() => arrived('getSettings', {}));
  const [settings, setSettings] = useState<ReaderSettings | null>(() =>
    early ? (early.ok ? readerPart(early.value.settings) : READER_DEFAULTS) : null,
  );
  const [reset, setReset] = useState<string[]>(() => (early?.ok ? early.value.reset : []));
  const [error, setError] = useState<ApiError | null>(() => (early?.ok === false ? early.error : null));
  const current = useRef<ReaderSettings>(settings ?? READER_DEFAULTS);
  const pending = useRef<Partial<ReaderSettings>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Before the first paint, so the text is never drawn in the default typography first.
  useLayoutEffect(() => {
    if (early) applySettings(document.documentElement, current.current);
  }, [early]);

  useEffect(() => {
    let live = true;
    void callOnce('getSettings', {}).then((result) => {
      // The early answer comes back here as the same object: already applied.
      if (!live || result === early) return;
      // Unreadable settings must not keep the reader from opening: carry on with the defaults.
      const reader = result.ok ? readerPart(result.value.settings) : READER_DEFAULTS;
      current.current = reader;
      applySettings(document.documentElement, reader);
      setSettings(reader);
      if (result.ok) setReset(result.value.reset);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [early]);

  const save = useCallback(() => {
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length === 0) return;
    void call('setSettings', patch).then((result) => setError(result.ok ? null : result.error));
  }, []);

  // Written at once when the page may be leaving (reload, quit, hidden) or the app unmounts.
  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      save();
    };
    const stopListening = onPageLeaving(flush);
    return () => {
      stopListening();
      flush();
    };
  }, [save]);

  const update = useCallback(
    (patch: Partial<ReaderSettings>) => {
      const next = { ...current.current, ...patch };
      current.current = next;
      keepReadingPosition(() => applySettings(document.documentElement, next));
      setSettings(next);
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(save, SAVE_DELAY_MS);
    },
    [save],
  );

  const dismissReset = useCallback(() => setReset([]), []);

  return { settings, reset, error, update, dismissReset };
}
