import { describe, expect, it } from 'vitest';
import { isPrivateHost, webAddress, withoutTracking } from './address';

describe('web addresses', () => {
  it('drops tracking parameters and the fragment, and keeps the others', () => {
    const url = new URL('https://news.example/a?id=7&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2#top');
    expect(withoutTracking(url)).toBe('https://news.example/a?id=7');
    expect(withoutTracking(new URL('https://news.example/a?utm_campaign=z'))).toBe('https://news.example/a');
  });

  it('refuses addresses with credentials and other schemes', () => {
    expect(() => webAddress('https://user:secret@example.com/')).toThrow(/user name or password/);
    expect(() => webAddress('javascript:alert(1)')).toThrow(/not javascript: ones/);
    expect(webAddress(' https://example.com/a ').href).toBe('https://example.com/a');
  });

  it('knows loopback and private hosts', () => {
    for (const host of [
      'http://127.0.0.1/',
      'http://localhost:8080/',
      'http://10.1.2.3/',
      'http://192.168.1.1/',
      'http://172.20.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://printer.local/',
      'http://intranet/',
      'http://[::ffff:127.0.0.1]/',
    ])
      expect(isPrivateHost(new URL(host)), host).toBe(true);
    for (const host of [
      'https://example.com/',
      'http://8.8.8.8/',
      'http://172.32.0.1/',
      'http://[2001:db8::1]/',
    ])
      expect(isPrivateHost(new URL(host)), host).toBe(false);
  });
});

describe('resolving names when private addresses are refused', () => {
  it('refuses a name that resolves to a loopback address, whatever the name says', async () => {
    const { publicOnlyLookup } = await import('./fetch');
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      publicOnlyLookup('localhost', { all: true }, (failure) => resolve(failure)),
    );
    expect(error?.code).toBe('EHAMISHPRIVATE');
    expect(error?.message).toContain('localhost resolves to a private address');
  });
});
