/**
 * Per-field merge of two versions of one synced document against their common ancestor (docs/SYNC.md,
 * "Conflict rules"). Pure functions: the same leaves give the same result on every computer, so two computers
 * resolving the same conflict write the same revision.
 */

/** Where one side changed a text: the span [start, end) of the ancestor it replaced, and what replaced it. */
type Edit = { start: number; end: number; insert: string };

function editOf(base: string, changed: string): Edit {
  let start = 0;
  const shorter = Math.min(base.length, changed.length);
  while (start < shorter && base[start] === changed[start]) start += 1;
  let fromEnd = 0;
  while (
    fromEnd < shorter - start &&
    base[base.length - 1 - fromEnd] === changed[changed.length - 1 - fromEnd]
  ) {
    fromEnd += 1;
  }
  return { start, end: base.length - fromEnd, insert: changed.slice(start, changed.length - fromEnd) };
}

/**
 * Three-way merge of a text: both edits applied when they touch separate parts of the ancestor, else null
 * (the caller keeps one text and records the other as a conflict). Each side's change is taken as one span
 * from its first to its last changed character, so two edits far apart on the same side never interleave
 * wrongly with the other side's: at worst they are reported as a conflict.
 */
export function mergeText(base: string | null, ours: string, theirs: string): string | null {
  if (ours === theirs) return ours;
  if (base === null) return ours === '' ? theirs : theirs === '' ? ours : null;
  if (ours === base) return theirs;
  if (theirs === base) return ours;
  const a = editOf(base, ours);
  const b = editOf(base, theirs);
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  // Spans that meet are merged only when both replace something: an insertion at the very place the other
  // side edits has no one right order, so it is a conflict.
  const apart =
    first.end < second.start ||
    (first.end === second.start && first.start < first.end && second.start < second.end);
  if (!apart) return null;
  return (
    base.slice(0, first.start) +
    first.insert +
    base.slice(first.end, second.start) +
    second.insert +
    base.slice(second.end)
  );
}

/** Tags as sets: each side's additions kept, each side's removals applied (with no ancestor: the union). */
export function mergeTags(
  base: readonly string[] | null,
  ours: readonly string[],
  theirs: readonly string[],
) {
  const removed = new Set<string>();
  if (base) {
    for (const tag of base) if (!ours.includes(tag) || !theirs.includes(tag)) removed.add(tag);
  }
  const merged: string[] = [];
  for (const tag of [...ours, ...theirs]) {
    if (!removed.has(tag) && !merged.includes(tag)) merged.push(tag);
  }
  return merged;
}

/** A plain value: the side that changed it from the ancestor wins; both changed (or no ancestor): ours. */
export function mergeValue<T>(base: T | undefined, ours: T, theirs: T): T {
  if (base === undefined) return ours;
  const same = (x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);
  if (same(ours, base)) return theirs;
  return ours;
}

/** A note merged, or kept from `ours` with the other text set aside as a conflict for the person. */
export function mergeNote(
  base: string | null,
  ours: string,
  theirs: string,
  conflicts: readonly string[],
): { note: string; conflicts: string[] } {
  const merged = mergeText(base, ours, theirs);
  if (merged !== null) return { note: merged, conflicts: [...conflicts] };
  return { note: ours, conflicts: conflicts.includes(theirs) ? [...conflicts] : [...conflicts, theirs] };
}

type Doc = Record<string, unknown>;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The furthest reading position; of two at the same place, the one saved later. */
function furthest(ours: unknown, theirs: unknown): unknown {
  type Position = { offset: number; updatedAt: string } | null;
  const a = ours as Position;
  const b = theirs as Position;
  if (!a) return b;
  if (!b) return a;
  if (a.offset !== b.offset) return a.offset > b.offset ? a : b;
  return a.updatedAt >= b.updatedAt ? a : b;
}

/**
 * Two versions of one article or highlight document merged field by field against their common ancestor
 * (null when the ancestor's content is not known: a two-way merge that keeps everything). `ours` is the
 * revision CouchDB chose as the winner, so every computer merging the same leaves gets the same document.
 */
export function mergeDocs(base: Doc | null, ours: Doc, theirs: Doc): Doc {
  if (ours.type === 'settings' && theirs.type === 'settings') {
    // Settings key by key: the side that changed one wins it.
    const [b, o, t] = [base?.settings, ours.settings, theirs.settings].map(
      (value) => (typeof value === 'object' && value !== null ? value : {}) as Doc,
    ) as [Doc, Doc, Doc];
    const settings: Doc = {};
    for (const key of Object.keys({ ...o, ...t })) {
      settings[key] = mergeValue(base ? b[key] : undefined, o[key] ?? t[key], t[key] ?? o[key]);
    }
    return { ...ours, settings };
  }
  if (ours.type !== theirs.type || (ours.type !== 'article' && ours.type !== 'highlight')) {
    return ours.type === 'content' ? mergeValue(base ?? undefined, ours, theirs) : ours;
  }
  const merged: Doc = { ...ours };
  for (const key of Object.keys({ ...ours, ...theirs })) {
    if (key.startsWith('_') || ['note', 'tags', 'progress', 'noteConflicts'].includes(key)) continue;
    merged[key] = mergeValue(base ? base[key] : undefined, ours[key], theirs[key]);
  }
  // The texts set aside merge as a set against the ancestor, like tags: a conflict the person resolved on one
  // computer (gone from that side) stays resolved even when the other computer changed the note meanwhile.
  const setAside = mergeTags(
    base ? strings(base.noteConflicts) : null,
    strings(ours.noteConflicts),
    strings(theirs.noteConflicts),
  );
  const note = mergeNote(base ? text(base.note) : null, text(ours.note), text(theirs.note), setAside);
  merged.note = note.note;
  if (note.conflicts.length > 0) merged.noteConflicts = note.conflicts;
  else delete merged.noteConflicts;
  merged.tags = mergeTags(base ? strings(base.tags) : null, strings(ours.tags), strings(theirs.tags));
  if (ours.type === 'article') merged.progress = furthest(ours.progress, theirs.progress);
  if (ours.type === 'highlight') {
    merged.createdAt = text(ours.createdAt) <= text(theirs.createdAt) ? ours.createdAt : theirs.createdAt;
    merged.updatedAt = text(ours.updatedAt) >= text(theirs.updatedAt) ? ours.updatedAt : theirs.updatedAt;
  }
  return merged;
}
