import { useEffect, useRef } from 'react';
import type { ResolvedHighlight } from '../../../shared/contract';
import type { MessageKey, Translate } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { useAnnounce } from './Announcer';
import { highlightChanges, type HighlightChange } from './highlight-changes';

const MESSAGES: Record<HighlightChange['kind'], MessageKey> = {
  added: 'announce.added',
  removed: 'announce.removed',
  recoloured: 'announce.recoloured',
  extended: 'announce.extended',
};

/** The sentences that announce `changes`, with each highlight's colour and whether it has a note. */
export function describeChanges(t: Translate, changes: readonly HighlightChange[]): string[] {
  return changes.map((change) => {
    const color = t(`color.${change.color}` as MessageKey);
    const key = change.kind === 'added' && change.hasNote ? 'announce.addedWithNote' : MESSAGES[change.kind];
    return t(key, { color });
  });
}

/**
 * Announces highlights created, deleted, recoloured or extended, with their colour and note. A list that
 * `announcedElsewhere` claims (the result of an undo or redo, announced with it in one sentence) is skipped.
 */
export function useHighlightAnnouncements(
  highlights: readonly ResolvedHighlight[],
  announcedElsewhere: (list: readonly ResolvedHighlight[]) => boolean = () => false,
): void {
  const t = useT();
  const announce = useAnnounce();
  const previous = useRef<readonly ResolvedHighlight[] | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = highlights;
    // The highlights an article opens with are not news.
    if (!before || announcedElsewhere(highlights)) return;
    const sentences = describeChanges(t, highlightChanges(before, highlights));
    if (sentences.length > 0) announce(sentences.join(' '));
  }, [highlights, t, announce, announcedElsewhere]);
}
