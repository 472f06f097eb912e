/**
 * The three palettes. Every colour of the interface is one of these custom properties; stylesheets never
 * name a colour. The palettes live here rather than in a .css file so that palette.test.ts can check
 * them (text over every highlight colour, in every theme); installThemes() turns them into CSS rules.
 */

export const THEME_NAMES = ['light', 'sepia', 'dark'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export type Palette = {
  /** The page. */ paper: string;
  /** Cards, popovers, inputs. */ surface: string;
  /** Side panels. */ panel: string;
  ink: string;
  muted: string;
  rule: string;
  /** Borders of form controls (non-text contrast ≥ 3:1). */ 'rule-strong': string;
  accent: string;
  'accent-soft': string;
  'on-accent': string;
  danger: string;
  shadow: string;
  backdrop: string;
  'hl-yellow': string;
  'hl-green': string;
  'hl-blue': string;
  'hl-pink': string;
  'hl-purple': string;
  /** The short flash on a passage the reader jumped to. */ 'hl-flash': string;
  /** Underline of overlapping highlights. */ 'hl-line': string;
  'swatch-yellow': string;
  'swatch-green': string;
  'swatch-blue': string;
  'swatch-pink': string;
  'swatch-purple': string;
};

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    paper: '#faf8f3',
    surface: '#ffffff',
    panel: '#f5f2ea',
    ink: '#23211d',
    muted: '#5f5a51',
    rule: '#e4dfd3',
    'rule-strong': '#8a8478',
    accent: '#1f5f5b',
    'accent-soft': '#e3efed',
    'on-accent': '#ffffff',
    danger: '#9b2c2c',
    shadow: 'rgb(35 33 29 / 0.14)',
    backdrop: 'rgb(35 33 29 / 0.18)',
    'hl-yellow': 'rgb(250 204 21 / 0.42)',
    'hl-green': 'rgb(74 222 128 / 0.38)',
    'hl-blue': 'rgb(96 165 250 / 0.38)',
    'hl-pink': 'rgb(244 114 182 / 0.36)',
    'hl-purple': 'rgb(167 139 250 / 0.4)',
    'hl-flash': 'rgb(31 95 91 / 0.2)',
    'hl-line': 'rgb(35 33 29 / 0.55)',
    'swatch-yellow': '#facc15',
    'swatch-green': '#4ade80',
    'swatch-blue': '#60a5fa',
    'swatch-pink': '#f472b6',
    'swatch-purple': '#a78bfa',
  },
  // Warm paper and brown ink; the highlight hues are a little deeper so they read on the tinted page.
  sepia: {
    paper: '#f4ecd8',
    surface: '#fbf6e9',
    panel: '#efe5cd',
    ink: '#3a2e1f',
    muted: '#5f4f3a',
    rule: '#e0d2b2',
    'rule-strong': '#8c7a5c',
    accent: '#7a4a17',
    'accent-soft': '#eadbbb',
    'on-accent': '#fffaf0',
    danger: '#8f2a1f',
    shadow: 'rgb(58 46 31 / 0.16)',
    backdrop: 'rgb(58 46 31 / 0.2)',
    'hl-yellow': 'rgb(234 179 8 / 0.38)',
    'hl-green': 'rgb(101 163 13 / 0.3)',
    'hl-blue': 'rgb(59 130 246 / 0.28)',
    'hl-pink': 'rgb(236 72 153 / 0.26)',
    'hl-purple': 'rgb(139 92 246 / 0.28)',
    'hl-flash': 'rgb(122 74 23 / 0.2)',
    'hl-line': 'rgb(58 46 31 / 0.6)',
    'swatch-yellow': '#eab308',
    'swatch-green': '#65a30d',
    'swatch-blue': '#3b82f6',
    'swatch-pink': '#ec4899',
    'swatch-purple': '#8b5cf6',
  },
  // Warm near-black, not pure black (less glare); highlights are darker and more transparent so the
  // light text keeps its contrast — a bright yellow under light text would drop below 4:1.
  dark: {
    paper: '#1b1a18',
    surface: '#242220',
    panel: '#201f1d',
    ink: '#e7e2d8',
    muted: '#bab2a4',
    rule: '#3a3733',
    'rule-strong': '#8a8378',
    accent: '#7cc4ba',
    'accent-soft': '#23393a',
    'on-accent': '#10211f',
    danger: '#f19a8e',
    shadow: 'rgb(0 0 0 / 0.45)',
    backdrop: 'rgb(0 0 0 / 0.4)',
    'hl-yellow': 'rgb(202 138 4 / 0.34)',
    'hl-green': 'rgb(34 197 94 / 0.24)',
    'hl-blue': 'rgb(59 130 246 / 0.32)',
    'hl-pink': 'rgb(236 72 153 / 0.3)',
    'hl-purple': 'rgb(139 92 246 / 0.34)',
    'hl-flash': 'rgb(124 196 186 / 0.24)',
    'hl-line': 'rgb(231 226 216 / 0.6)',
    'swatch-yellow': '#eab308',
    'swatch-green': '#22c55e',
    'swatch-blue': '#60a5fa',
    'swatch-pink': '#f472b6',
    'swatch-purple': '#a78bfa',
  },
};

function declarations(theme: ThemeName): string {
  const palette = PALETTES[theme];
  const scheme = theme === 'dark' ? 'dark' : 'light';
  const lines = Object.entries(palette).map(([name, value]) => `--${name}: ${value};`);
  return `${lines.join(' ')} color-scheme: ${scheme};`;
}

/**
 * The CSS rules of the themes, keyed on `data-theme` of the root element. "system" takes the light
 * palette, or the dark one when the system prefers dark (so following the system needs no script).
 */
export function themeStylesheet(): string {
  return [
    `:root, :root[data-theme='light'], :root[data-theme='system'] { ${declarations('light')} }`,
    `:root[data-theme='sepia'] { ${declarations('sepia')} }`,
    `:root[data-theme='dark'] { ${declarations('dark')} }`,
    `@media (prefers-color-scheme: dark) { :root[data-theme='system'] { ${declarations('dark')} } }`,
  ].join('\n');
}

/**
 * Installs the theme rules as a constructed stylesheet: built through the CSSOM, so the page's CSP
 * (`style-src 'self'`, no inline styles) allows it.
 */
export function installThemes(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeStylesheet());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
