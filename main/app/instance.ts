import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../api/data-dir';

/**
 * One app instance per data folder. Electron's single-instance lock belongs to the userData folder, so a
 * launch on another data folder (`--data-dir`, HAMISH_DATA_DIR) gets a userData folder of its own: it runs as
 * its own instance, on its own library, instead of being handed to the first instance and dropped. Launches
 * on the same folder share the lock: the second one focuses the first window.
 */
export type Instance = {
  /** The library this instance opens. */
  dataDir: string;
  /** Electron's userData for this instance (its single-instance lock, caches, page storage). */
  userData: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** The value of `--data-dir DIR` or `--data-dir=DIR`, if given. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

/** A folder's path in one spelling: symbolic links resolved, and case folded where file names ignore it. */
export function folderKey(folder: string, platform: NodeJS.Platform = process.platform): string {
  let resolved = path.resolve(folder);
  try {
    resolved = realpathSync.native(resolved);
  } catch {
    // Not created yet: its own path is the only spelling it has.
  }
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

/** Where the userData folders of instances on other data folders live: beside the default one. */
export function instancesFolder(defaultUserData: string): string {
  return path.join(path.dirname(defaultUserData), `${path.basename(defaultUserData)} instances`);
}

/**
 * The library and userData of an app started with `argv` and `env`. Without `--data-dir` or HAMISH_DATA_DIR,
 * or with them naming the default folder itself, it is the default instance (userData holds the library).
 */
export function chooseInstance(
  argv: readonly string[],
  env: Env,
  defaultUserData: string,
  platform: NodeJS.Platform = process.platform,
): Instance {
  const flag = dataDirFlag(argv);
  if (!flag && !env.HAMISH_DATA_DIR) return { dataDir: defaultUserData, userData: defaultUserData };
  const dataDir = resolveDataDir(flag, env, platform);
  const key = folderKey(dataDir, platform);
  if (key === folderKey(defaultUserData, platform)) return { dataDir, userData: defaultUserData };
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { dataDir, userData: path.join(instancesFolder(defaultUserData), hash) };
}
