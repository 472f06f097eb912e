import { TriangleAlert, X } from 'lucide-react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';

const SETTING_NAMES: Record<string, MessageKey> = {
  theme: 'settings.theme',
  font: 'settings.font',
  fontSize: 'settings.fontSize',
  lineHeight: 'settings.lineHeight',
  measure: 'settings.measure',
  language: 'settings.language',
  window: 'settings.window',
};

/** The names of reset settings as a sentence list ("theme and text size"); unknown keys are quoted. */
export function resetNames(keys: readonly string[], t: ReturnType<typeof useT>): string {
  const names = keys.map((key) => {
    const known = Object.hasOwn(SETTING_NAMES, key) ? SETTING_NAMES[key] : undefined;
    return known ? t(known) : t('settings.unknownKey', { key });
  });
  return new Intl.ListFormat(t.language, { type: 'conjunction' }).format(names);
}

/**
 * Tells the reader that some values in the settings file were invalid and were reset to defaults. A
 * status, not an alert: the app works normally, nothing needs doing at once.
 */
export function ResetNotice({ keys, onDismiss }: { keys: readonly string[]; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="toast" role="status">
      <TriangleAlert aria-hidden="true" size={18} className="toast-icon" />
      <div className="toast-text">
        <strong>{t('settings.resetTitle')}</strong>
        <p>{t('settings.resetBody', { names: resetNames(keys, t) })}</p>
      </div>
      <button type="button" className="icon-only" aria-label={t('settings.resetDismiss')} onClick={onDismiss}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
