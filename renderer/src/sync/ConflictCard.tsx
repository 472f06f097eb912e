import { useId, useState } from 'react';
import type { Inputs, SyncConflict } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { MergeEditor } from './MergeEditor';

type Keep = Inputs['resolveSyncConflict']['keep'];

type Props = {
  conflict: SyncConflict;
  /** Resolves to true once main has kept the choice. */
  onResolve: (keep: Keep) => Promise<boolean>;
  onOpen: () => void;
};

/** One note in conflict: the passage, the text shown now and the other one, and the ways to settle it. */
export function ConflictCard({ conflict, onResolve, onOpen }: Props) {
  const t = useT();
  const id = useId();
  const [merging, setMerging] = useState(false);
  const [busy, setBusy] = useState(false);
  const choose = (keep: Keep) => {
    setBusy(true);
    void onResolve(keep).then(() => setBusy(false));
  };
  const text = (source: string) =>
    source.trim() ? <NoteMarkdown source={source} /> : <p className="muted">{t('conflicts.empty')}</p>;

  return (
    <li className="conflict">
      <h2 id={`${id}-title`} dir="auto">
        {conflict.articleTitle}
      </h2>
      {conflict.highlightId ? (
        <blockquote className="conflict-quote" dir="auto">
          {conflict.quote}
        </blockquote>
      ) : (
        <p className="muted">{t('conflicts.articleNote')}</p>
      )}
      <div className="conflict-texts">
        <section className="conflict-text" aria-labelledby={`${id}-kept`}>
          <h3 id={`${id}-kept`}>{t('conflicts.keptText')}</h3>
          {text(conflict.kept)}
          <button type="button" className="icon-button small" disabled={busy} onClick={() => choose('local')}>
            {t('conflicts.keepKept')}
          </button>
        </section>
        <section className="conflict-text" aria-labelledby={`${id}-other`}>
          <h3 id={`${id}-other`}>{t('conflicts.otherText')}</h3>
          {text(conflict.other)}
          <button
            type="button"
            className="icon-button small"
            disabled={busy}
            onClick={() => choose('remote')}
          >
            {t('conflicts.keepOther')}
          </button>
        </section>
      </div>
      {merging ? (
        <MergeEditor
          initial={`${conflict.kept}\n\n${conflict.other}`}
          onKeep={(merged) => onResolve({ text: merged })}
          onCancel={() => setMerging(false)}
        />
      ) : (
        <div className="conflict-actions">
          <button type="button" className="icon-button small" disabled={busy} onClick={() => choose('both')}>
            {t('conflicts.keepBoth')}
          </button>
          <button
            type="button"
            className="icon-button small"
            disabled={busy}
            onClick={() => setMerging(true)}
          >
            {t('conflicts.merge')}
          </button>
          <button type="button" className="icon-button small" onClick={onOpen}>
            {t('conflicts.open')}
          </button>
        </div>
      )}
    </li>
  );
}
