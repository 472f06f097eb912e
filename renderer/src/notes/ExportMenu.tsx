import { Download } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';

const FORMATS = ['md', 'json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

type Props = {
  /** The articles to export; all of them when absent. */
  articleIds?: string[];
  /** Only these highlights of those articles (the ones chosen in the highlights view). */
  highlightIds?: string[];
  label: string;
  icon?: ReactNode;
  /** An icon-only trigger (in a library row). */
  compact?: boolean;
};

/**
 * Export notes: pick a format, then main asks where to save (its save dialog proposes a safe file name made
 * from the title). The result — the file saved, or why not — is said in a status line.
 */
export function ExportMenu({ articleIds, highlightIds, label, icon, compact = false }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');

  const run = async (format: Format) => {
    setOpen(false);
    const result = await call('exportToFile', { format, articleIds, highlightIds });
    if (!result.ok) setStatus(message(result.error));
    else if (result.value) setStatus(t('export.done', { file: result.value.file }));
  };

  return (
    <span className="export-menu">
      <button
        type="button"
        className={compact ? 'icon-only' : 'icon-button'}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen((shown) => !shown)}
      >
        {icon ?? <Download aria-hidden="true" size={compact ? 15 : 16} />}
        {!compact && label}
      </button>
      {open && (
        <span className="export-options" role="menu" aria-label={t('export.choose')}>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => void run(format)}
              onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
            >
              {t(`export.${format}`)}
            </button>
          ))}
        </span>
      )}
      {status && (
        <span className="export-status" role="status" dir="auto">
          {status}
        </span>
      )}
    </span>
  );
}
