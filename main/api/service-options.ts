import type { SaveLimits } from '../web/save-page';
import type { Settings } from './settings';
import type { SecretBox } from './sync-methods';

/** What the caller (the Electron shell, the CLI, a test) gives the service. */
export type ServiceOptions = {
  dataDir: string;
  /** Articles imported the first time this data dir is used (the default article). */
  defaultArticles?: readonly string[];
  /** Clock, for tests. */
  now?: () => Date;
  /** Asks the user for a file (a dialog in Electron); null when they cancel. Paths never come from the page. */
  chooseFile?: (purpose: 'update-article' | 'restore') => Promise<string | null>;
  /** Asks the user for articles to import (a multi-select dialog in Electron); [] when they cancel. */
  chooseImportFiles?: () => Promise<string[]>;
  /** Open the store without changing anything on disk (reading while another process holds the lock). */
  readOnly?: boolean;
  /** Told when settings change (the shell follows the language and theme in its menus and title bar). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Asks the user where to save an export (a save dialog in Electron); null when they cancel. */
  chooseSaveFile?: (defaultName: string) => Promise<string | null>;
  /** Time and size limits of saving a web page (tests shorten them). */
  webLimits?: Omit<SaveLimits, 'signal'>;
  /** The system's key store, to keep the sync password encrypted (Electron's safeStorage in the app). */
  secrets?: SecretBox;
  /** A sync password for this session only, never written (the command line's HAMISH_SYNC_PASSWORD). */
  syncPassword?: string;
  /** A sync encryption passphrase for this session only (the command line's HAMISH_SYNC_PASSPHRASE). */
  syncPassphrase?: string;
};
