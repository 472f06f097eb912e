import type { ReaderSettings } from '../../../shared/settings';

/**
 * Each bundled Arabic face with a Latin face of the same colour after it: the fontsource packages carry
 * Latin glyphs too, so the fallbacks only matter for a character none of them has.
 */
export const FONT_STACKS: Record<ReaderSettings['font'], string> = {
  naskh: "'Noto Naskh Arabic', 'Noto Serif', Georgia, serif",
  amiri: "'Amiri', 'Noto Serif', 'Times New Roman', serif",
  sans: "'Noto Sans Arabic', 'Noto Sans', system-ui, sans-serif",
};

/** The CSS custom properties the reader's stylesheet reads (styles.css `.article`). */
export function readerVariables(settings: ReaderSettings): Record<string, string> {
  return {
    '--reader-font': FONT_STACKS[settings.font],
    '--reader-size': `${settings.fontSize}px`,
    '--reader-leading': String(settings.lineHeight),
    '--measure': `${settings.measure}ch`,
  };
}

/** Applies the theme and typography to the root element at once (no React render in between). */
export function applySettings(root: HTMLElement, settings: ReaderSettings): void {
  root.dataset.theme = settings.theme;
  for (const [name, value] of Object.entries(readerVariables(settings))) root.style.setProperty(name, value);
}
