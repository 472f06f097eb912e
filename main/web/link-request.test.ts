import { describe, expect, it } from 'vitest';
import { linkInArgv, saveRequest } from './link-request';

describe('hamish://save links', () => {
  it('reads the page to save, and says when it is on this machine or the local network', () => {
    const address = 'https://news.example/a?id=1&utm_source=x';
    expect(saveRequest(`hamish://save?url=${encodeURIComponent(address)}`)).toEqual({
      url: address,
      privateHost: false,
    });
    expect(saveRequest('hamish://save?url=http%3A%2F%2F127.0.0.1%3A8080%2Fadmin')).toEqual({
      url: 'http://127.0.0.1:8080/admin',
      privateHost: true,
    });
    expect(saveRequest('hamish://save?url=http://192.168.1.1/')?.privateHost).toBe(true);
  });

  it('ignores other actions, other schemes and addresses that are not http(s)', () => {
    expect(saveRequest('hamish://delete?url=https://x.example/')).toBeNull();
    expect(saveRequest('hamish://save?url=file:///etc/passwd')).toBeNull();
    expect(saveRequest('hamish://save?url=javascript:alert(1)')).toBeNull();
    expect(saveRequest('hamish://save')).toBeNull();
    expect(saveRequest('https://save?url=https://x.example/')).toBeNull();
    expect(saveRequest('not a link')).toBeNull();
  });

  it('finds the link among command-line arguments', () => {
    expect(linkInArgv(['/opt/Hamish/hamish', '--no-sandbox', 'hamish://save?url=https://x.example/'])).toBe(
      'hamish://save?url=https://x.example/',
    );
    expect(linkInArgv(['/opt/Hamish/hamish', '--data-dir', '/tmp/x'])).toBeNull();
  });
});
