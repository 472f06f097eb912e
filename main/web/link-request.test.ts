import { describe, expect, it } from 'vitest';
import { confirmedSave, linkInArgv, saveRequest, type Ask } from './link-request';

describe('hamish://save links', () => {
  it('reads the page to save, and says when it is on the local computer or the local network', () => {
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

describe('asking before a link sent from outside is fetched', () => {
  /** An asker that records the questions and answers them in turn. */
  function person(...answers: boolean[]): { ask: Ask; asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      ask: async (question, url) => {
        asked.push(`${question} ${url}`);
        return answers.shift() ?? false;
      },
    };
  }

  it('asks once for a public page, twice for the local computer or the local network', async () => {
    const once = person(true);
    expect(await confirmedSave('hamish://save?url=https://news.example/a', once.ask)).toBe(
      'https://news.example/a',
    );
    expect(once.asked).toEqual(['save https://news.example/a']);
    const twice = person(true, true);
    expect(await confirmedSave('hamish://save?url=http://127.0.0.1:631/admin', twice.ask)).toBe(
      'http://127.0.0.1:631/admin',
    );
    expect(twice.asked).toEqual(['save http://127.0.0.1:631/admin', 'private http://127.0.0.1:631/admin']);
  });

  it('fetches nothing after a no, to either question', async () => {
    expect(await confirmedSave('hamish://save?url=https://news.example/a', person(false).ask)).toBeNull();
    expect(await confirmedSave('hamish://save?url=http://10.0.0.1/', person(true, false).ask)).toBeNull();
  });

  it('asks nothing for a link that is not a save of a web page', async () => {
    const nobody = person();
    expect(await confirmedSave('hamish://save?url=file:///etc/passwd', nobody.ask)).toBeNull();
    expect(nobody.asked).toEqual([]);
  });
});
