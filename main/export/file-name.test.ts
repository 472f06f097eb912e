import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-name';

const bytes = (text: string): number => new TextEncoder().encode(text).length;
const FAMILY = '👨‍👩‍👧‍👦';

describe('safeFileName', () => {
  it.each([
    ['an Arabic title', 'الأفريكوم: الحرب على طرابلس', 'md', 'الأفريكوم الحرب على طرابلس.md'],
    ['a Windows device name', 'CON', 'md', '_CON.md'],
    ['a device name in lower case with a dot', 'nul.backup', 'csv', '_nul.backup.csv'],
    ['a serial port', 'com1', 'html', '_com1.html'],
    ['a name that only starts like a device', 'Console notes', 'md', 'Console notes.md'],
    ['slashes and backslashes', 'a/b\\c', 'md', 'a-b-c.md'],
    ['every character Windows forbids', 'a:b*c?d"e<f>g|h', 'json', 'a-b-c-d-e-f-g-h.json'],
    ['trailing dots and spaces', 'ملاحظات...  ', 'md', 'ملاحظات.md'],
    ['leading dots', '..hidden', 'md', 'hidden.md'],
    ['control characters and new lines', 'سطر\u0000أول\nو\u0007ثان', 'md', 'سطر-أول و-ثان.md'],
    ['a bidi override that disguises the extension', 'photo\u202Egpj.exe', 'md', 'photogpj.exe.md'],
    ['an empty title', '', 'md', 'hamish-export.md'],
    ['a title of forbidden characters only', '???', 'md', 'hamish-export.md'],
    ['an extension given with its dot', 'نص', '.csv', 'نص.csv'],
  ])('%s', (_name, title, ext, expected) => {
    expect(safeFileName(title, ext)).toBe(expected);
  });

  it('bounds a 500-character title to 120 UTF-8 bytes', () => {
    const name = safeFileName('ب'.repeat(500), 'html');
    expect(bytes(name)).toBeLessThanOrEqual(120);
    expect(name).toBe(`${'ب'.repeat(57)}.html`);
  });

  it('leaves out an emoji that does not fit whole rather than cut it', () => {
    const title = `${'a'.repeat(110)}${FAMILY}tail`;
    const name = safeFileName(title, 'md');
    expect(name).toBe(`${'a'.repeat(110)}.md`);
    expect(name).not.toMatch(/[\uD800-\uDFFF\u200D]/);
  });

  it('never cuts a letter from its harakat', () => {
    const name = safeFileName('بِ'.repeat(100), 'md');
    expect(bytes(name)).toBeLessThanOrEqual(120);
    expect(name).toBe(`${'بِ'.repeat(29)}.md`);
  });
});
