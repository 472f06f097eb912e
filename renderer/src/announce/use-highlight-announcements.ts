import { useEffect, useRef } from 'react';
import type { ResolvedHighlight } from '../../../main/api/contract';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { useAnnounce } from './Announcer';
import { highlightChanges, type HighlightChange } from './highlight-changes';

const MESSAGES: Record<HighlightChange['kind'], MessageKey> = {
  added: 'announce.added',
  removed: 'announce.removed',
  recoloured: 'announce.recoloured',
};

/** Announces highlights created, deleted (also by undo) or recoloured, with their colour and note. */
export function useHighlightAnnouncements(highlights: readonly ResolvedHighlight[]): void {
  const t = useT();
  const announce = useAnnounce();
  const previous = useRef<readonly ResolvedHighlight[] | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = highlights;
    // The highlights an article opens with are not news.
    if (!before) return;
    const sentences = highlightChanges(before, highlights).map((change) => {
      const color = t(`color.${change.color}` as MessageKey);
      const key =
        change.kind === 'added' && change.hasNote ? 'announce.addedWithNote' : MESSAGES[change.kind];
      return t(key, { color });
    });
    if (sentences.length > 0) announce(sentences.join(' '));
  }, [highlights, t, announce]);
}
