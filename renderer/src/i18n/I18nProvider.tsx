import { createContext, useContext, type ReactNode } from 'react';
import { createTranslate, type Translate } from './index';

const I18nContext = createContext<Translate>(createTranslate('ar'));

/** Makes one language's translate function available to every component below. */
export function I18nProvider({ t, children }: { t: Translate; children: ReactNode }) {
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}

/** The current interface language's translate function. */
export function useT(): Translate {
  return useContext(I18nContext);
}
