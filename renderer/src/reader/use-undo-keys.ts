import { useEffect, useRef } from 'react';
import { useAnnounce } from '../announce/Announcer';
import { describeChanges } from '../announce/use-highlight-announcements';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { isTypingTarget } from '../shortcuts/shortcut-list';
import type { ChangeKind } from './edit-history';
import type { Replayed } from './use-highlights';

const CHANGES: Record<ChangeKind, MessageKey> = {
  create: 'change.create',
  delete: 'change.delete',
  color: 'change.color',
  note: 'change.note',
  tags: 'change.tags',
  extend: 'change.extend',
};

/** Which history key a press is: Ctrl/⌘+Z undo; Ctrl/⌘+Shift+Z and Ctrl+Y redo; else null. */
export function historyKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (event.altKey) return null;
  // The physical key counts too: on an Arabic layout the Z key gives another letter.
  const z = event.key.toLowerCase() === 'z' || event.code === 'KeyZ';
  const y = event.key.toLowerCase() === 'y' || event.code === 'KeyY';
  if ((event.ctrlKey || event.metaKey) && z) return event.shiftKey ? 'redo' : 'undo';
  if (event.ctrlKey && !event.shiftKey && y) return 'redo';
  return null;
}

type History = { undo: () => Promise<Replayed>; redo: () => Promise<Replayed> };

/**
 * Undo and redo of highlight changes from the keyboard, each announced to screen readers ("Undone: the note
 * edit"). In a text field the keys stay the field's own, so typing keeps the browser's undo.
 * `beforeReplay` runs first (closing an open popover, whose content the change may replace).
 */
export function useUndoKeys(history: History, beforeReplay: () => void): void {
  const t = useT();
  const announce = useAnnounce();
  const latest = useRef({ history, beforeReplay, t, announce });
  useEffect(() => {
    latest.current = { history, beforeReplay, t, announce };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const direction = historyKey(event);
      if (!direction || isTypingTarget(event.target)) return;
      event.preventDefault();
      const { history, beforeReplay, t, announce } = latest.current;
      beforeReplay();
      void history[direction]().then((replayed) => {
        if (replayed === 'failed') return;
        if (replayed === 'nothing')
          announce(t(direction === 'undo' ? 'announce.nothingToUndo' : 'announce.nothingToRedo'));
        else {
          const done = t(direction === 'undo' ? 'announce.undone' : 'announce.redone', {
            change: t(CHANGES[replayed.change]),
          });
          announce([done, ...describeChanges(t, replayed.effects)].join('. '));
        }
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
