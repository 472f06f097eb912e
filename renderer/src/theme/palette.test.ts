import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../shared/annotation-model';
import { blend, contrastOverHighlight, contrastRatio, parseColor, type Rgba } from './contrast';
import { PALETTES, THEME_NAMES, themeStylesheet, type Palette } from './palettes';

const MINIMUM = 4.5; // WCAG 2.2 AA for body text (1.4.3)

function color(palette: Palette, name: keyof Palette): Rgba {
  const parsed = parseColor(palette[name]);
  if (!parsed) throw new Error(`${name} is not a colour: ${palette[name]}`);
  return parsed;
}

describe('contrast', () => {
  it('measures the WCAG extremes and a known grey', () => {
    const white = parseColor('#fff') as Rgba;
    const black = parseColor('#000000') as Rgba;
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    expect(contrastRatio(parseColor('#767676') as Rgba, white)).toBeCloseTo(4.54, 2);
  });

  it('blends a translucent colour over the page', () => {
    const half = parseColor('rgb(255 0 0 / 0.5)') as Rgba;
    expect(blend(half, parseColor('#000') as Rgba)).toEqual({ r: 127.5, g: 0, b: 0, a: 1 });
    expect(parseColor('rgb(10, 20, 30)')).toEqual({ r: 10, g: 20, b: 30, a: 1 });
    expect(parseColor('tomato')).toBeNull();
  });

  it('is lower over a highlight than over the bare page', () => {
    const ink = parseColor('#23211d') as Rgba;
    const paper = parseColor('#faf8f3') as Rgba;
    const yellow = parseColor('rgb(250 204 21 / 0.42)') as Rgba;
    expect(contrastOverHighlight(ink, yellow, paper)).toBeLessThan(contrastRatio(ink, paper));
  });
});

// Body text, secondary text (quotes) and links/headings can all sit under a highlight.
const TEXTS = ['ink', 'muted', 'accent'] as const;

describe('theme palettes', () => {
  for (const theme of THEME_NAMES) {
    const palette = PALETTES[theme];

    it(`keeps text readable over every highlight colour in the ${theme} theme`, () => {
      const paper = color(palette, 'paper');
      const ratios: Record<string, number> = {};
      for (const highlight of [...COLORS, 'flash'] as const) {
        for (const text of TEXTS) {
          ratios[`${text} over ${highlight}`] = contrastOverHighlight(
            color(palette, text),
            color(palette, `hl-${highlight}`),
            paper,
          );
        }
      }
      const low = Object.entries(ratios).filter(([, ratio]) => ratio < MINIMUM);
      expect(low).toEqual([]);
    });

    it(`keeps text readable on every surface of the ${theme} theme`, () => {
      const low: string[] = [];
      for (const surface of ['paper', 'surface', 'panel', 'accent-soft'] as const) {
        for (const text of [...TEXTS, 'danger'] as const) {
          const ratio = contrastRatio(color(palette, text), color(palette, surface));
          if (ratio < MINIMUM) low.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
        }
      }
      const onAccent = contrastRatio(color(palette, 'on-accent'), color(palette, 'accent'));
      if (onAccent < MINIMUM) low.push(`on-accent on accent: ${onAccent.toFixed(2)}`);
      expect(low).toEqual([]);
    });

    it(`draws focus rings (the accent) at 3:1 or more on every background of the ${theme} theme`, () => {
      // WCAG 2.4.13 / 1.4.11: the ring must be seen against what lies around it.
      const low: string[] = [];
      for (const under of ['paper', 'surface', 'panel', 'accent-soft'] as const) {
        const ratio = contrastRatio(color(palette, 'accent'), color(palette, under));
        if (ratio < 3) low.push(`accent on ${under}: ${ratio.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });

    it(`gives form-control borders 3:1 against the page in the ${theme} theme`, () => {
      // WCAG 1.4.11 (non-text contrast): a field must be found without its label.
      expect(contrastRatio(color(palette, 'rule-strong'), color(palette, 'surface'))).toBeGreaterThanOrEqual(
        3,
      );
    });
  }

  it('writes one rule per theme and follows the system with a media query', () => {
    const css = themeStylesheet();
    for (const theme of THEME_NAMES) expect(css).toContain(`:root[data-theme='${theme}']`);
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\) \{ :root\[data-theme='system'\] \{[^}]*--paper: #1b1a18;/,
    );
  });
});
