/**
 * Which links from the page may leave the app: web pages open in the system browser and `mailto:` links in
 * the mail client, each after the user confirms. Everything else (file:, javascript:, app:, custom schemes
 * that start other programs) is dropped. Returns the link to open, normalised, or null.
 */
export function externalLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.host ? parsed.href : null;
  if (parsed.protocol === 'mailto:') return parsed.pathname || parsed.search ? parsed.href : null;
  return null;
}
