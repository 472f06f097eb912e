import { describe, expect, it } from 'vitest';
import { safeLinkHref, splitAtBudget } from './markdown-elements';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.org', 'https://example.org'],
    ['http://example.org/a?b#c', 'http://example.org/a?b#c'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['HTTPS://EXAMPLE.ORG', 'HTTPS://EXAMPLE.ORG'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['vbscript:msgbox(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///etc/passwd', null],
    ['app://renderer/index.html', null],
    ['//example.org', null],
    ['/local/path', null],
    ['#top', null],
    ['', null],
  ])('%j → %j', (url, expected) => {
    expect(safeLinkHref(url)).toBe(expected);
  });
});

describe('splitAtBudget', () => {
  it('keeps a note within the budget whole', () => {
    expect(splitAtBudget('قصيرة', 10)).toEqual({ markdown: 'قصيرة', rest: '' });
  });

  it('cuts a long note at the last blank line within the budget', () => {
    const source = 'aaaa aaaa\n\nbbbb\n\ncccc cccc cccc';
    expect(splitAtBudget(source, 20)).toEqual({ markdown: 'aaaa aaaa\n\nbbbb', rest: 'cccc cccc cccc' });
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const { markdown, rest } = splitAtBudget('aaa😀bbbb', 4);
    expect(markdown).toBe('aaa');
    expect(rest).toBe('😀bbbb');
  });
});
