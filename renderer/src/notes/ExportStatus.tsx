import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/I18nProvider';

/** What the last export came to: the file written, or the error to show. */
export type ExportOutcome = { file: string } | { error: string };

// Stands for the file in the translated sentence, which is then cut around it.
const FILE_SLOT = '\u0000';

type Props = { outcome: ExportOutcome | null; onDismiss: () => void };

/**
 * The export's result, said once (a status region) and shown in a box at the foot of the window, drawn
 * over the page: a long path wraps inside the box and never pushes the toolbar that started the export.
 * The box is put in the document's body, because a library card that is not in view is not painted
 * (content-visibility) and would hide a box drawn inside it. The path is a left-to-right isolate, so its
 * slashes stay in order inside the Arabic sentence.
 */
export function ExportStatus({ outcome, onDismiss }: Props) {
  const t = useT();
  let text: ReactNode = null;
  if (outcome && 'file' in outcome) {
    const [before = '', after = ''] = t('export.done', { file: FILE_SLOT }).split(FILE_SLOT);
    text = (
      <>
        {before}
        <bdi dir="ltr" className="export-path">
          {outcome.file}
        </bdi>
        {after}
      </>
    );
  } else if (outcome) text = outcome.error;
  return createPortal(
    <div className="export-status" role="status" hidden={outcome === null}>
      {outcome && (
        <>
          <span className="export-status-text" dir={t.dir}>
            {text}
          </span>
          <button type="button" className="icon-only" aria-label={t('export.dismiss')} onClick={onDismiss}>
            <X aria-hidden="true" size={14} />
          </button>
        </>
      )}
    </div>,
    document.body,
  );
}
