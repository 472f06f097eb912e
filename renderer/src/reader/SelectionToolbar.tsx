import { Highlighter } from 'lucide-react';
import { useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useColorName } from './color-names';
import { COLORS, colorKey, type Color } from './colors';
import { useFloatingPosition } from './use-floating-position';

type Props = { rect: DOMRect; lastColor: Color; onPick: (color: Color) => void };

/**
 * The small toolbar by a selection: one button per colour. Buttons keep the selection (mousedown does not
 * take focus), and the digit shortcuts 1–5 do the same from the keyboard.
 */
export function SelectionToolbar({ rect, lastColor, onPick }: Props) {
  const t = useT();
  const name = useColorName();
  const named = COLORS.some((color) => name(color) !== t(colorKey(color)));
  const ref = useRef<HTMLDivElement>(null);
  // Above the selection, or below it when there is no room above: never over the selected words.
  useFloatingPosition(ref, rect, 'top');
  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('highlight.toolbar')}
      onMouseDown={(event) => event.preventDefault()}
    >
      <Highlighter aria-hidden="true" size={16} className="muted" />
      {COLORS.map((color, index) =>
        named ? (
          // With names of the reader's own, each colour shows its meaning.
          <button
            key={color}
            type="button"
            className="swatch-named"
            aria-pressed={color === lastColor}
            aria-label={t('highlight.in', { color: name(color) })}
            title={`${t('highlight.in', { color: name(color) })} (${index + 1})`}
            onClick={() => onPick(color)}
          >
            <span className={`dot swatch-${color}`} aria-hidden="true" />
            <span dir="auto">{name(color)}</span>
          </button>
        ) : (
          <button
            key={color}
            type="button"
            className={`swatch swatch-${color}`}
            aria-pressed={color === lastColor}
            aria-label={t('highlight.in', { color: name(color) })}
            title={`${t('highlight.in', { color: name(color) })} (${index + 1})`}
            onClick={() => onPick(color)}
          />
        ),
      )}
    </div>
  );
}
