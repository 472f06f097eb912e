import { describe, expect, it } from 'vitest';
import { normalizeSourceText } from './normalize-text';

describe('normalizeSourceText', () => {
  it('strips a leading byte-order mark', () => {
    expect(normalizeSourceText('\uFEFFمرحبا')).toBe('مرحبا');
  });

  it('keeps a BOM that is not at the start (only the leading one is a file marker)', () => {
    expect(normalizeSourceText('أ\uFEFFب')).toBe('أ\uFEFFب');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(normalizeSourceText('سطر أول\r\nسطر ثان\rسطر ثالث\n')).toBe('سطر أول\nسطر ثان\nسطر ثالث\n');
  });

  it('removes NUL and other C0 control characters', () => {
    expect(normalizeSourceText('قال\u0000 الوزير\u0007\u001B\u000B\u000C.')).toBe('قال الوزير.');
  });

  it('turns a tab into a space', () => {
    expect(normalizeSourceText('أ\tب')).toBe('أ ب');
  });

  it('trims the spaces at the end of each line but keeps leading and inner ones', () => {
    expect(normalizeSourceText('  أول   سطر \t\nثان\u00A0\n   \n')).toBe('  أول   سطر\nثان\n\n');
  });

  it('keeps Unicode line and paragraph separators, which are text rather than padding', () => {
    expect(normalizeSourceText('أ\u2028ب\u2029')).toBe('أ\u2028ب\u2029');
  });

  it('is idempotent', () => {
    const once = normalizeSourceText('\uFEFFعنوان \r\n\r\n\tفقرة\u0000 أولى.\r');
    expect(once).toBe('عنوان\n\n فقرة أولى.\n');
    expect(normalizeSourceText(once)).toBe(once);
  });

  it('reads a 1 MB run of spaces that does not end a line (linear, not one scan per space)', () => {
    const text = `أ${' '.repeat(1_000_000)}ب   \n`;
    expect(normalizeSourceText(text)).toBe(`أ${' '.repeat(1_000_000)}ب\n`);
  });
});
