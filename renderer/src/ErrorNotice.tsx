import type { ApiError } from '../../shared/contract';
import { useT } from './i18n/I18nProvider';
import type { MessageKey } from './i18n';

/** The message of an error value in the interface language, naming the file where there is one. */
export function useErrorMessage(): (error: ApiError) => string {
  const t = useT();
  return (error) => {
    if (error.message === 'no-bridge') return t('error.no-bridge');
    // A path is isolated (FSI … PDI) so that, inside an Arabic sentence, its slashes keep it in one piece.
    const file = error.file ? `\u2068${error.file}\u2069` : '';
    return t(`error.${error.code}` as MessageKey, { file, message: error.message });
  };
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t('error.title')}</strong>
      <p dir="auto">{message(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
