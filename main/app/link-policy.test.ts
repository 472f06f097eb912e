import { describe, expect, it } from 'vitest';
import { externalLink } from './link-policy';

describe('externalLink', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/Path', 'https://example.org/Path'],
    ['mailto:editor@example.org', 'mailto:editor@example.org'],
    [
      'mailto:editor@example.org?subject=%D9%87%D8%A7%D9%85%D8%B4',
      'mailto:editor@example.org?subject=%D9%87%D8%A7%D9%85%D8%B4',
    ],
    ['mailto:?subject=hello', 'mailto:?subject=hello'],
  ])('opens %s (after confirmation) as %s', (url, opened) => {
    expect(externalLink(url)).toBe(opened);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://hamish/index.html',
    'data:text/html,x',
    'ms-msdt:/id PCWDiagnostic',
    'smb://host/share',
    'vbscript:msgbox',
    'mailto:',
    'https://',
    '//example.org/',
    'not a url',
    '',
  ])('drops %s', (url) => {
    expect(externalLink(url)).toBeNull();
  });
});
