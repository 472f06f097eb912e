import os from 'node:os';
import path from 'node:path';

/** The folder name Electron derives userData from (package.json productName). */
export const APP_FOLDER = 'Hamish';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the store lives: `--data-dir`, else HAMISH_DATA_DIR, else the same folder as Electron's
 * `app.getPath('userData')`, so the CLI and the app share one library.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: Env = process.env,
  platform = process.platform,
): string {
  if (flag) return path.resolve(flag);
  if (env.HAMISH_DATA_DIR) return path.resolve(env.HAMISH_DATA_DIR);
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
