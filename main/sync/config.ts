/**
 * The sync settings of a data folder (`<data>/sync/config.json`): the database's address without a password,
 * the user name, the password only as ciphertext from the system's key store (Electron's safeStorage in the
 * app), and the last sync's outcome. The command line never writes a password here.
 */
import path from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../store';
import { SYNC_FOLDER } from './state';

const ReportSchema = z.object({
  sent: z.number(),
  received: z.number(),
  conflicts: z.number(),
  at: z.string().max(40),
});

const ConfigSchema = z.object({
  schemaVersion: z.literal(1),
  url: z.string().max(2048).nullable(),
  username: z.string().max(200).nullable(),
  /** base64 of what the key store encrypted; never the password itself. */
  passwordCipher: z.string().max(10_000).nullable(),
  /** The encryption passphrase, sealed the same way; optional: older settings have none. */
  passphraseCipher: z.string().max(10_000).nullable().optional(),
  auto: z.boolean(),
  includeSettings: z.boolean(),
  last: ReportSchema.nullable(),
});
export type SyncConfig = z.infer<typeof ConfigSchema>;

export function emptyConfig(): SyncConfig {
  return {
    schemaVersion: 1,
    url: null,
    username: null,
    passwordCipher: null,
    passphraseCipher: null,
    auto: false,
    includeSettings: false,
    last: null,
  };
}

export function configFile(dataDir: string): DurableJsonFile<SyncConfig> {
  return new DurableJsonFile(path.join(dataDir, SYNC_FOLDER, 'config.json'), (data) =>
    ConfigSchema.parse(data),
  );
}

/** The user name and password written in an address (http://user:pass@host/db), decoded, and the address without them. */
export function splitCredentials(url: string): {
  url: string;
  username: string | null;
  password: string | null;
} {
  const parsed = new URL(url);
  const username = parsed.username ? decodeURIComponent(parsed.username) : null;
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, ''), username, password };
}
