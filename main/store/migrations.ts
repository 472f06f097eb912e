import { fromVersion0 } from './migration-0-to-1';
import { SCHEMA_VERSION } from './schema';

/** The three kinds of store file; a migration step may change any of them. */
export type FileKind = 'library' | 'annotations' | 'article';

/** A JSON object as read from a store file, before its schema is known to hold. */
export type JsonObject = Record<string, unknown>;

/**
 * One step in the history of the store's format: turns a file of version `from` into version `to` = from + 1.
 * A step receives the JSON as read and must throw when the data does not fit version `from`: the file is then
 * treated as corrupt (moved aside), never guessed at. A kind the step leaves out only gets its version raised.
 */
export type MigrationStep = {
  from: number;
  to: number;
  library?: (data: JsonObject) => JsonObject;
  annotations?: (data: JsonObject) => JsonObject;
  article?: (data: JsonObject) => JsonObject;
};

/** Every step, oldest first; the last one ends at SCHEMA_VERSION. */
export const MIGRATIONS: readonly MigrationStep[] = [fromVersion0];

/**
 * A file's schema version: its `schemaVersion`, or 0 when it has none (the format before versions existed).
 * null when the data is not an object or the field is not a whole number: the schema will reject it.
 */
export function versionOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (!('schemaVersion' in data)) return 0;
  const version = data.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Brings a file's JSON up to `target`, one step at a time, so that each step only ever needs to know the
 * version just before it. Data already at (or past) `target`, or not versioned at all, is returned as is.
 */
export function migrateData(
  kind: FileKind,
  data: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): unknown {
  let version = versionOf(data);
  if (version === null || version >= target) return data;
  let current = data as JsonObject;
  while (version < target) {
    const from: number = version;
    const step = steps.find((candidate) => candidate.from === from);
    if (!step) throw new Error(`there is no migration from schema version ${from}`);
    const change = step[kind];
    current = { ...(change ? change(current) : current), schemaVersion: step.to };
    version = step.to;
  }
  return current;
}

/** Throws unless `steps` lead from version 0 to `target` one version at a time, with no gap and no fork. */
export function checkMigrationChain(
  steps: readonly MigrationStep[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): void {
  steps.forEach((step, i) => {
    if (step.from !== i || step.to !== i + 1) {
      throw new Error(`migration ${i} goes from ${step.from} to ${step.to}, expected ${i} to ${i + 1}`);
    }
  });
  if (steps.length !== target) throw new Error(`the migrations end at ${steps.length}, not at ${target}`);
}
