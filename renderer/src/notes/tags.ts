/** Tags are labels: trimmed, inner whitespace collapsed, at most 100 characters (as main checks too). */
export const MAX_TAG_LENGTH = 100;

export function normalizeTag(
  raw: string,
): { ok: true; tag: string } | { ok: false; reason: 'empty' | 'too-long' } {
  const tag = raw.trim().replace(/\s+/gu, ' ');
  if (tag.length === 0) return { ok: false, reason: 'empty' };
  if (tag.length > MAX_TAG_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, tag };
}
