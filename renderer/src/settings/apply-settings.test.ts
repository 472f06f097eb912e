import { describe, expect, it } from 'vitest';
import { applySettings, FONT_STACKS, readerVariables } from './apply-settings';
import { READER_DEFAULTS } from '../../../shared/settings';

describe('applying settings', () => {
  it('turns typography into the custom properties the reader uses', () => {
    expect(
      readerVariables({ ...READER_DEFAULTS, font: 'amiri', fontSize: 24, lineHeight: 1.6, measure: 55 }),
    ).toEqual({
      '--reader-font': FONT_STACKS.amiri,
      '--reader-size': '24px',
      '--reader-leading': '1.6',
      '--measure': '55ch',
    });
  });

  it('puts each Arabic face first, with a Latin fallback of the same kind', () => {
    expect(FONT_STACKS.naskh).toMatch(/^'Noto Naskh Arabic', 'Noto Serif'.*serif$/);
    expect(FONT_STACKS.amiri).toMatch(/^'Amiri', .*serif$/);
    expect(FONT_STACKS.sans).toMatch(/^'Noto Sans Arabic', 'Noto Sans'.*sans-serif$/);
  });

  it('sets the theme and the variables on the root element', () => {
    const root = document.createElement('html');
    applySettings(root, { ...READER_DEFAULTS, theme: 'sepia', fontSize: 30 });
    expect(root.dataset.theme).toBe('sepia');
    expect(root.style.getPropertyValue('--reader-size')).toBe('30px');
  });
});
