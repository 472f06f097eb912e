/**
 * Markdown built to be slow to read, as an attack on the importer would write it: the shapes that took
 * the previous parser minutes (a list nested by indentation, runs of "[" and "]", unclosed "[a](").
 */
export type HostileMarkdown = 'nested' | 'brackets';

/** About `bytes` of hostile Markdown of the given shape. */
export function hostileMarkdown(shape: HostileMarkdown, bytes: number): string {
  const parts: string[] = ['# ملف عدائي\n'];
  let length = 0;
  if (shape === 'nested') {
    // One list whose every line is indented one level deeper than the last.
    for (let level = 0; length < bytes; level += 1) {
      const line = `${'  '.repeat(level)}- بند`;
      parts.push(line);
      length += line.length + 1;
    }
    return parts.join('\n');
  }
  const unit = `${'['.repeat(5000)}${']'.repeat(5000)}\n\n${'[a]('.repeat(5000)}\n\n`;
  return parts.join('') + '\n' + unit.repeat(Math.ceil(bytes / unit.length));
}
