import { COLORS, type Color } from '../../../shared/annotation-model';
import type { MessageKey } from '../i18n';

export { COLORS, type Color };

/** The translation key of a colour's name. */
export function colorKey(color: Color): MessageKey {
  return `color.${color}` as MessageKey;
}
