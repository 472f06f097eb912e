/** What the crash test's child prints and writes, shared by the child and the test that reads it. */

/** Every note the child saves starts with this, then its version: a number that only grows. */
export const NOTE_PREFIX = 'ملاحظة رقم ';

/** The version a note carries, or null for a note the child did not write. */
export function noteVersion(note: string): number | null {
  if (!note.startsWith(NOTE_PREFIX)) return null;
  const version = Number(note.slice(NOTE_PREFIX.length).split(' ')[0]);
  return Number.isSafeInteger(version) ? version : null;
}

/**
 * One line of the child's output: `ack put <id> <version>` or `ack del <id>` for an acknowledged save, and
 * `try del <id>` before a deletion starts (it may then land although the kill comes before its `ack`).
 */
export type Report =
  | { kind: 'ack'; op: 'put'; id: string; version: number }
  | { kind: 'ack'; op: 'del'; id: string }
  | { kind: 'try'; op: 'del'; id: string };

/** Reads one line of the child's output; null for anything else. */
export function parseReport(line: string): Report | null {
  const [kind, op, id, version] = line.split(' ');
  if ((kind !== 'ack' && kind !== 'try') || id === undefined) return null;
  if (op === 'del') return { kind, op, id };
  return kind === 'ack' && op === 'put' && version !== undefined
    ? { kind, op, id, version: Number(version) }
    : null;
}
