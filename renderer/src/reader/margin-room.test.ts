import { describe, expect, it } from 'vitest';
import { marginFits, marginSideOf } from './margin-room';

describe('room for the margin notes', () => {
  it('is there only while a column of 28 ems stays beside the 14rem margin and its gaps', () => {
    // 48 px of the scroller's padding, 264 px of margin, 28 ems of 20 px type.
    expect(marginFits(48 + 264 + 560, 20)).toBe(true);
    expect(marginFits(48 + 264 + 559, 20)).toBe(false);
    // Larger type needs a wider window.
    expect(marginFits(48 + 264 + 560, 24)).toBe(false);
  });

  it('stands where the lines end: the left of an Arabic text, the right of an English one', () => {
    expect(marginSideOf('rtl')).toBe('left');
    expect(marginSideOf('ltr')).toBe('right');
  });
});
