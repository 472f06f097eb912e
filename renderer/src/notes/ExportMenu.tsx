import { Download } from 'lucide-react';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ExportStatus, type ExportOutcome } from './ExportStatus';

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
 * from the title). Markdown and HTML are written in the interface language. "Export all" writes only the
 * articles with highlights, a note or tags, unless the person ticks "every article". The result — the file
 * saved, or why not — is said in a status line that floats over the page (ExportStatus), so it never moves
 * the buttons around it.
 */
export function ExportMenu({ articleIds, highlightIds, label, icon, compact = false }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [includeEmpty, setIncludeEmpty] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const exportsAll = articleIds === undefined && highlightIds === undefined;
  const options = useRef<HTMLSpanElement>(null);

  // The menu opens toward the inline start of its button; where that runs past the window's edge (a button
  // near the edge: a card's actions, the notes panel), it opens toward the inline end instead.
  useLayoutEffect(() => {
    const menu = options.current;
    if (!open || !menu) return;
    const box = menu.getBoundingClientRect();
    menu.classList.toggle('flipped', box.left < 0 || box.right > document.documentElement.clientWidth);
  }, [open]);

  const run = async (format: Format) => {
    setOpen(false);
    const result = await call('exportToFile', {
      format,
      articleIds,
      highlightIds,
      language: t.language,
      ...(exportsAll && includeEmpty ? { includeEmpty: true } : {}),
    });
    if (!result.ok) setOutcome({ error: message(result.error) });
    else if (result.value) setOutcome({ file: result.value.file });
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
        onClick={() => {
          setOutcome(null);
          setOpen((shown) => !shown);
        }}
      >
        {icon ?? <Download aria-hidden="true" size={compact ? 15 : 16} />}
        {!compact && label}
      </button>
      {open && (
        <span ref={options} className="export-options" role="menu" aria-label={t('export.choose')}>
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
          {exportsAll && (
            <label className="export-include-empty">
              <input
                type="checkbox"
                role="menuitemcheckbox"
                checked={includeEmpty}
                onChange={(event) => setIncludeEmpty(event.target.checked)}
                onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
              />
              {t('export.includeEmpty')}
            </label>
          )}
        </span>
      )}
      <ExportStatus outcome={outcome} onDismiss={() => setOutcome(null)} />
    </span>
  );
}
