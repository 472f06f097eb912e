import { Highlighter } from 'lucide-react';
import { useT } from '../i18n/I18nProvider';
import { COLORS, colorKey, type Color } from './colors';

type Props = { rect: DOMRect; lastColor: Color; onPick: (color: Color) => void };

/**
 * The small toolbar by a selection: one button per colour. Buttons keep the selection (mousedown does not
 * take focus), and the digit shortcuts 1–5 do the same from the keyboard.
 */
export function SelectionToolbar({ rect, lastColor, onPick }: Props) {
  const t = useT();
  const top = Math.max(8, rect.top - 52);
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 110), window.innerWidth - 228);
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('highlight.toolbar')}
      style={{ top, left }}
      onMouseDown={(event) => event.preventDefault()}
    >
      <Highlighter aria-hidden="true" size={16} className="muted" />
      {COLORS.map((color, index) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-pressed={color === lastColor}
          aria-label={t('highlight.in', { color: t(colorKey(color)) })}
          title={`${t('highlight.in', { color: t(colorKey(color)) })} (${index + 1})`}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}
