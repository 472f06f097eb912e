/**
 * Web addresses as the saver reads them: only http and https are ever fetched, tracking parameters are not
 * part of an article's address, and a private or loopback host is recognised (a link sent from a web page
 * to such a host asks the person twice).
 */
import { isIP } from 'node:net';
import { WebError } from './web-error';

/** Parses `text` as an http(s) address or throws WebError 'web-scheme' saying why it cannot be fetched. */
export function webAddress(text: string, from?: string): URL {
  let url: URL;
  try {
    url = from === undefined ? new URL(text.trim()) : new URL(text.trim(), from);
  } catch {
    throw new WebError('web-scheme', text.slice(0, 200), 'not a web address (it must start with https://)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebError(
      'web-scheme',
      url.href.slice(0, 200),
      `only http and https addresses are saved, not ${url.protocol} ones`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in an address would be sent to the site: Hamish never sends any.
    throw new WebError('web-scheme', url.origin, 'an address with a user name or password is not fetched');
  }
  return url;
}

// Parameters that say where a reader came from, not what they read.
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'spm',
]);

/** `url` without its fragment and tracking parameters (utm_*, fbclid, gclid…): the address of its article. */
export function withoutTracking(url: URL): string {
  const clean = new URL(url.href);
  clean.hash = '';
  for (const key of [...clean.searchParams.keys()]) {
    if (key.toLowerCase().startsWith('utm_') || TRACKING.has(key.toLowerCase()))
      clean.searchParams.delete(key);
  }
  if ([...clean.searchParams.keys()].length === 0) clean.search = '';
  return clean.href;
}

function privateIPv4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** Whether an IP address is loopback, private, link-local or unspecified. */
export function isPrivateIp(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return privateIPv4(bare);
  if (isIP(bare) !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1]) return privateIPv4(mapped[1]);
  // The URL parser writes a mapped IPv4 address in hex: [::ffff:7f00:1] is 127.0.0.1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return privateIPv4(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
  }
  return bare === '::1' || bare === '::' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare);
}

/** Whether the host of `url` names the local computer or a private network (by name or literal address). */
export function isPrivateHost(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (!host.includes('.') && isIP(host.replace(/^\[|\]$/g, '')) === 0) return true;
  return isPrivateIp(host);
}
