/**
 * Requests to save a page sent from outside the app: `hamish://save?url=<address>`, from a bookmarklet or
 * a browser's "open with". Such a request only names a page; the app asks the person before fetching it.
 */
import { isPrivateHost, webAddress } from './address';

export const LINK_SCHEME = 'hamish';

/** The first `hamish://` argument of a command line (how Windows and Linux pass a link to the app). */
export function linkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${LINK_SCHEME}://`)) ?? null;
}

export type SaveRequest = { url: string; privateHost: boolean };

/**
 * The page a `hamish://save?url=…` link asks to save, or null for any other link (or one whose address is
 * not http/https: such a link is ignored, not fetched). `privateHost` when it points at the local computer or
 * the local network, which the app confirms twice.
 */
export function saveRequest(link: string): SaveRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${LINK_SCHEME}:`) return null;
  // hamish://save?url=… parses with "save" as the host; hamish:save?url=… as the path.
  const action = (parsed.hostname || parsed.pathname).replace(/^\/+|\/+$/g, '');
  const target = parsed.searchParams.get('url');
  if (action !== 'save' || target === null) return null;
  try {
    const url = webAddress(target);
    return { url: url.href, privateHost: isPrivateHost(url) };
  } catch {
    return null;
  }
}

/** A question put to the person: may this page be fetched, and (asked second) even on a private address? */
export type Ask = (question: 'save' | 'private', url: string) => Promise<boolean>;

/**
 * The address to fetch for a `hamish://` link once the person agreed, or null: not a save link, or a "no"
 * to either question. Nothing is fetched before this resolves.
 */
export async function confirmedSave(link: string, ask: Ask): Promise<string | null> {
  const request = saveRequest(link);
  if (request === null) return null;
  if (!(await ask('save', request.url))) return null;
  if (request.privateHost && !(await ask('private', request.url))) return null;
  return request.url;
}
