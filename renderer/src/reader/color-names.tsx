import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { Color } from '../../../shared/annotation-model';
import { useT } from '../i18n/I18nProvider';
import { colorKey } from './colors';

type Names = Partial<Record<Color, string>>;

const ColorNamesContext = createContext<Names>({});

/** The reader's names for the highlight colours, from the settings. */
export function ColorNamesProvider({ names, children }: { names: Names; children: ReactNode }) {
  return <ColorNamesContext.Provider value={names}>{children}</ColorNamesContext.Provider>;
}

/** A colour's name as the reader sees it: their own name for it («مهم», «سؤال»), else the colour's. */
export function useColorName(): (color: Color) => string {
  const names = useContext(ColorNamesContext);
  const t = useT();
  return useCallback((color: Color) => names[color]?.trim() || t(colorKey(color)), [names, t]);
}
