import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { MARKDOWN_BUDGET } from './markdown-elements';
import { NoteMarkdown } from './NoteMarkdown';

afterEach(cleanup);

function show(source: string): HTMLElement {
  const { container } = render(
    <I18nProvider t={createTranslate('en')}>
      <NoteMarkdown source={source} />
    </I18nProvider>,
  );
  const note = container.querySelector<HTMLElement>('.note-markdown');
  if (!note) throw new Error('no note rendered');
  return note;
}

describe('NoteMarkdown', () => {
  it('formats emphasis, strong, inline code, lists, quotes and code blocks', () => {
    const note = show(
      [
        'فكرة *مهمة* و**أهم** مع `code`',
        '',
        '- أول',
        '- ثانٍ',
        '',
        '3. ثالث',
        '4. رابع',
        '',
        '> قال الكاتب',
        '',
        '```',
        'const x = 1;',
        '```',
        '',
        'سطر  ',
        'تالٍ',
      ].join('\n'),
    );
    expect(note.querySelector('em')?.textContent).toBe('مهمة');
    expect(note.querySelector('strong')?.textContent).toBe('أهم');
    expect(note.querySelector('p > code')?.textContent).toBe('code');
    expect([...note.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['أول', 'ثانٍ']);
    expect(note.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(note.querySelector('blockquote')?.textContent).toBe('قال الكاتب');
    expect(note.querySelector('pre > code')?.textContent).toBe('const x = 1;');
    expect(note.querySelector('br')).not.toBeNull();
  });

  it('shows headings as bold paragraphs, not as headings of the page', () => {
    const note = show('# عنوان\n\n---\n\nنص');
    expect(note.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
    expect(note.querySelector('p.note-heading > strong')?.textContent).toBe('عنوان');
    expect(note.querySelector('hr')).not.toBeNull();
  });

  it('shows raw HTML as literal text and creates no script or image', () => {
    const note = show('<script>alert(1)</script>\n\nنص <img src=x onerror=alert(1)> بعده');
    expect(note.querySelector('script, img, iframe')).toBeNull();
    expect(note.textContent).toContain('<script>alert(1)</script>');
    expect(note.textContent).toContain('نص <img src=x onerror=alert(1)> بعده');
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['[x](JavaScript:alert(1))'],
    ['[x](java&#x09;script:alert(1))'],
    ['[x](data:text/html,<script>alert(1)</script>)'],
    ['[x](file:///etc/passwd)'],
    ['[x](notes/other.md)'],
    ['[x][r]\n\n[r]: javascript:alert(1)'],
  ])('renders %j as plain text, not a link', (source) => {
    const note = show(source);
    expect(note.querySelector('a')).toBeNull();
    expect(note.textContent).toContain('x');
  });

  it('renders http(s) and mailto links that open outside the app', () => {
    const note = show(
      '[x](https://example.org) [بريد](mailto:a@example.org) [مرجع][r]\n\n[r]: http://example.com/a',
    );
    const links = [...note.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org',
      'mailto:a@example.org',
      'http://example.com/a',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noreferrer noopener');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(links[0]?.textContent).toBe('x');
  });

  it('shows an image as its alt text and never requests it', () => {
    const note = show(
      'قبل ![صورة الغلاف](https://tracker.example/pixel.gif) بعد\n\n![مرجع][img]\n\n[img]: https://x.example/a.png',
    );
    expect(note.querySelector('img, picture, source')).toBeNull();
    expect(note.textContent).toContain('قبل صورة الغلاف بعد');
    expect(note.textContent).toContain('مرجع');
  });

  it('lets every block take the direction of its own first letter', () => {
    const note = show(
      'English first, ثم عربي\n\nعربي أولًا then English\n\n- a\n- ب\n\n> quote\n\n```\ncode\n```\n\n***\n\n# h',
    );
    const blocks = note.querySelectorAll('p, ul, ol, li, blockquote, pre, hr');
    expect(blocks.length).toBeGreaterThan(7);
    for (const block of blocks) expect(block.getAttribute('dir'), block.outerHTML).toBe('auto');
  });

  it('keeps Arabic text exactly: diacritics, tatweel, ZWNJ and Arabic-Indic digits', () => {
    const verse = 'وَقُلْ رَبِّ زِدْنِي عِلْمًا — الكتـــاب ١٤٤٥هـ، ص\u200c٣';
    const note = show(verse);
    expect(note.querySelector('p')?.textContent).toBe(verse);
  });

  it('shows a 1 MB note: Markdown at the start, the rest as plain text', () => {
    const paragraph = 'هذه **ملاحظة** طويلة عن _المقالة_ مع [رابط](https://example.org) and English.\n\n';
    const source = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)) + 'النهاية';
    const note = show(source);
    expect(note.querySelectorAll('strong').length).toBeLessThanOrEqual(
      MARKDOWN_BUDGET / paragraph.length + 1,
    );
    expect(note.querySelector('strong')?.textContent).toBe('ملاحظة');
    expect(note.querySelector('.note-plain')?.textContent?.endsWith('النهاية')).toBe(true);
    expect(note.querySelector('.note-plain-hint')?.textContent).toBe(
      createTranslate('en')('notes.plainRest'),
    );
  });

  it('shows deeply nested quotes as text instead of recursing without end', () => {
    const note = show('>'.repeat(2_000) + ' عميق');
    expect(note.textContent).toContain('عميق');
    expect(note.querySelectorAll('blockquote').length).toBeLessThan(30);
  });
});
