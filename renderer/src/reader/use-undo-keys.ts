import { useAnnounce } from '../announce/Announcer';
import { describeChanges } from '../announce/use-highlight-announcements';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { useShortcutKeys } from '../shortcuts/use-shortcut-keys';
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

type History = { undo: () => Promise<Replayed>; redo: () => Promise<Replayed> };

/**
 * Undo and redo of highlight changes from the keyboard, each announced to screen readers ("Undone: the note
 * edit"). In a text field the keys stay the field's own, so typing keeps the browser's undo.
 * `beforeReplay` runs first (closing an open popover, whose content the change may replace).
 */
export function useUndoKeys(history: History, beforeReplay: () => void): void {
  const t = useT();
  const announce = useAnnounce();
  const replay = (direction: 'undo' | 'redo') => {
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
  useShortcutKeys({ undo: () => replay('undo'), redo: () => replay('redo') });
}
