import { Tag, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { HighlightEntry } from '../../../shared/contract';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ExportMenu } from '../notes/ExportMenu';
import { useColorName } from '../reader/color-names';
import { COLORS, type Color } from '../reader/colors';
import { deleteAll, recolourAll, tagAll, type BulkOutcome } from './bulk-actions';

type Props = {
  chosen: readonly HighlightEntry[];
  /** Called after a change, with what to say about it. */
  onDone: (message: string) => void;
};

/** What can be done to the chosen highlights together: tag, recolour, export, delete (asked twice). */
export function BulkActions({ chosen, onDone }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const colorName = useColorName();
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<BulkOutcome>, done: (count: number) => string) => {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    setConfirming(false);
    onDone(outcome.error ? message(outcome.error) : done(outcome.done));
  };

  return (
    <div className="highlights-bulk" role="group" aria-label={t('highlights.bulk')}>
      <span className="highlights-chosen">{t.plural('highlights.chosen', chosen.length)}</span>
      <form
        className="highlights-bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          if (tag.trim())
            void run(
              () => tagAll(chosen, tag),
              (count) => t.plural('highlights.tagged', count, { tag: tag.trim() }),
            ).then(() => setTag(''));
        }}
      >
        <input
          value={tag}
          dir="auto"
          aria-label={t('highlights.tagName')}
          placeholder={t('highlights.tagName')}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="icon-button" disabled={busy || !tag.trim()}>
          <Tag aria-hidden="true" size={16} />
          {t('highlights.addTag')}
        </button>
      </form>
      <select
        value=""
        disabled={busy}
        aria-label={t('highlights.recolour')}
        onChange={(event) => {
          const color = event.target.value as Color;
          if (color)
            void run(
              () => recolourAll(chosen, color),
              (count) => t.plural('highlights.recoloured', count, { color: colorName(color) }),
            );
        }}
      >
        <option value="">{t('highlights.recolour')}</option>
        {COLORS.map((color) => (
          <option key={color} value={color}>
            {colorName(color)}
          </option>
        ))}
      </select>
      <ExportMenu
        label={t('highlights.export')}
        articleIds={[...new Set(chosen.map((entry) => entry.articleId))]}
        highlightIds={chosen.map((entry) => entry.id)}
      />
      {confirming ? (
        <button
          type="button"
          className="icon-button danger"
          disabled={busy}
          onClick={() =>
            void run(
              () => deleteAll(chosen),
              (count) => t.plural('highlights.deleted', count),
            )
          }
        >
          <Trash2 aria-hidden="true" size={16} />
          {t.plural('highlights.confirmDelete', chosen.length)}
        </button>
      ) : (
        <button type="button" className="icon-button" disabled={busy} onClick={() => setConfirming(true)}>
          <Trash2 aria-hidden="true" size={16} />
          {t('highlights.delete')}
        </button>
      )}
    </div>
  );
}
