import { useT } from '../i18n/I18nProvider';

/** How far through the article the reader is, as a thin bar over the text. */
export function ReadingProgress({ fraction }: { fraction: number }) {
  const t = useT();
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={t('reader.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fraction * 100)}
    >
      <div className="progress-bar" style={{ inlineSize: `${fraction * 100}%` }} />
    </div>
  );
}
