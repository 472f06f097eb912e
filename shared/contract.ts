import type { AnchorStatus, Color, Highlight } from './annotation-model';
import type { ArticleSource, Block, Direction, TocEntry, WebSource } from './article-model';
import type { Language } from './language';
import type { Method } from './methods';
import type { ReviewAnswer, ReviewState } from './review-model';
import type { Settings, SettingsPatch } from './settings';
import type { SyncConflict, SyncErrorCode, SyncReport, SyncSettingsView, SyncStatus } from './sync-model';

/**
 * The one vocabulary of main and renderer: what every method takes and what it gives back
 * (docs/ARCHITECTURE.md, "Layers"). Types only, so the renderer bundles none of main; the schemas that
 * check inputs are main's (main/api/contract.ts).
 */

export type { ReviewAnswer, ReviewState };

type Id = string;
type HighlightFields = { color?: Color; note?: string; tags?: string[] };
type HighlightFilter = {
  color?: Color;
  tag?: string;
  articleId?: Id;
  /** Calendar days, YYYY-MM-DD. */
  since?: string;
  until?: string;
  query?: string;
  order?: 'newest' | 'article';
  /** A page of the list: the view asks for the first screenful, then the rest in pieces. */
  offset?: number;
  limit?: number;
};
type NoInput = Record<string, never>;

/**
 * What each method takes. main/api/contract.ts checks every input against its schema (lengths, ranges,
 * id shapes) before the service sees it; the compiler holds these types and the schemas to each other.
 */
export type Inputs = {
  listArticles: NoInput;
  openArticle: { id: Id };
  saveProgress: { id: Id; offset: number; fraction: number };
  getSettings: NoInput;
  setSettings: SettingsPatch;
  createHighlight: {
    articleId: Id;
    start: number;
    end: number;
    color: Color;
    note?: string;
    tags?: string[];
  };
  /** `start`/`end`: a new passage for the highlight (extending it), both or neither. */
  updateHighlight: { articleId: Id; id: Id; start?: number; end?: number } & HighlightFields;
  deleteHighlight: { articleId: Id; id: Id };
  restoreHighlight: { highlight: Highlight };
  setArticleNote: { id: Id; note?: string; tags?: string[] };
  listTags: NoInput;
  updateArticleSource: { id: Id };
  exportToFile: {
    format: 'md' | 'json' | 'csv' | 'html';
    articleIds?: Id[];
    tag?: string;
    /** Only these highlights (of the articles chosen): "export the selected ones". */
    highlightIds?: Id[];
    /** "Export all" also writes the articles with no highlight, note or tag. */
    includeEmpty?: boolean;
    /** The interface language: Markdown and HTML labels and colour names are written in it. */
    language?: Language;
  };
  restoreFromDialog: NoInput;
  storeStatus: NoInput;
  importFromDialog: NoInput;
  /** A dropped file: its name and its bytes, base64 (the page never names a path). */
  importData: { name: string; base64: string };
  renameArticle: { id: Id; title: string };
  trashArticle: { id: Id };
  untrashArticle: { id: Id };
  emptyTrash: NoInput;
  listTrash: NoInput;
  search: {
    query: string;
    kinds?: ('article' | 'highlight' | 'note')[];
    tag?: string;
    /** Only highlights (and their notes) of this colour — the colour the reader may have named. */
    color?: Color;
    limit?: number;
  };
  findInArticle: { id: Id; query: string };
  saveLink: { url: string };
  cancelSave: NoInput;
  setWebDetails: { id: Id; url?: string; site?: string; author?: string; published?: string };
  updateFromWeb: { id: Id };
  listPendingSaves: NoInput;
  retryPendingSaves: NoInput;
  restoreBackup: { name: string; only?: string[] };
  listAllHighlights: HighlightFilter;
  reviewSet: { size?: number; seed?: string };
  answerReview: { articleId: Id; id: Id; answer: ReviewAnswer };
  syncSettings: NoInput;
  configureSync: {
    /** A CouchDB database's address (http or https); a password written in it is taken out and kept apart. */
    url: string;
    username?: string;
    /** Kept encrypted by the system's key store, never in clear; left out, the kept one stays. */
    password?: string;
    /** Seals what the server stores (end-to-end encryption); kept like the password; '' turns it off. */
    passphrase?: string;
    auto?: boolean;
    includeSettings?: boolean;
  };
  /** Forgets the address and the password (what was synced stays in the library). */
  forgetSync: NoInput;
  syncNow: NoInput;
  syncStatus: NoInput;
  syncConflicts: NoInput;
  resolveSyncConflict: { id: string; keep: 'local' | 'remote' | 'both' | { text: string } };
};

export type Progress = { offset: number; fraction: number };

export type ArticleSummary = {
  id: string;
  title: string;
  lang: string;
  dir: Direction;
  firstLine: string;
  tags: string[];
  highlights: number;
  importedAt: string;
  progress: Progress | null;
  lastReadAt: string | null;
  /** A page saved from the web: the site it came from (its name, else its host). */
  site?: string;
};

/** A highlight with where it resolved in the article's current text (start = end = -1 for an orphan). */
export type ResolvedHighlight = Highlight & { status: AnchorStatus; start: number; end: number };

/** A highlight in the library-wide list: where it is, its article's title, and its review state. */
export type HighlightEntry = ResolvedHighlight & {
  articleTitle: string;
  articleDir: Direction;
  review: ReviewState | null;
};

export type ReviewProgress = {
  /** Consecutive days with a review, ending today or yesterday. */
  streak: number;
  /** Highlights answered today. */
  reviewedToday: number;
};

export type ArticleView = {
  id: string;
  title: string;
  lang: string;
  dir: Direction;
  blocks: Block[];
  /** A book's own table of contents (absent for articles). */
  toc?: TocEntry[];
  note: string;
  tags: string[];
  progress: Progress | null;
  highlights: ResolvedHighlight[];
  /** Where the article came from (a page saved from the web carries its address and metadata). */
  source?: ArticleSource;
};

export type SettingsView = {
  settings: Settings;
  /** keys reset to their default because they were invalid */ reset: string[];
};

/** How one highlight fared when its article was replaced by a newer version. */
export type AnchorReport = { id: string; status: AnchorStatus; start: number; end: number };

export type Outputs = {
  listArticles: ArticleSummary[];
  openArticle: ArticleView;
  saveProgress: null;
  getSettings: SettingsView;
  setSettings: Settings;
  createHighlight: ResolvedHighlight;
  updateHighlight: ResolvedHighlight;
  deleteHighlight: Highlight;
  restoreHighlight: ResolvedHighlight;
  setArticleNote: { note: string; tags: string[] };
  listTags: string[];
  /** null when the user cancelled the file dialog. */
  updateArticleSource: AnchorReport[] | null;
  /** null when the user cancelled the save dialog. */
  exportToFile: { file: string } | null;
  restoreFromDialog: RestoreReport | null;
  storeStatus: StoreStatus;
  importFromDialog: ImportOutcome[];
  importData: ImportOutcome;
  renameArticle: ArticleSummary;
  trashArticle: null;
  untrashArticle: ArticleSummary;
  emptyTrash: { removed: number };
  listTrash: ArticleSummary[];
  search: SearchGroup[];
  /** Canonical spans of every match, in order. */
  findInArticle: { start: number; end: number }[];
  restoreBackup: { restored: string; preRestoreBackup: string; files: number; untouched: string[] };
  /** `total`: how many match (the page holds those from `offset`); `leftOut`: matching highlights not listed
   * because their article is in the trash. */
  listAllHighlights: { highlights: HighlightEntry[]; total: number; leftOut: number };
  /** Today's set, best first; `due` counts every highlight due today (the set holds at most `size`). */
  reviewSet: ReviewProgress & { cards: HighlightEntry[]; due: number };
  answerReview: ReviewProgress & { review: ReviewState };
  saveLink: SaveOutcome;
  /** How many saves were running (and are now cancelled). */
  cancelSave: { cancelled: number };
  /** The article's web details as now kept. */
  setWebDetails: WebSource;
  updateFromWeb: AnchorReport[];
  listPendingSaves: PendingSave[];
  retryPendingSaves: SaveOutcome[];
  syncSettings: SyncSettingsView;
  configureSync: SyncSettingsView;
  forgetSync: SyncSettingsView;
  syncNow: SyncReport;
  syncStatus: SyncStatus;
  syncConflicts: SyncConflict[];
  /** The conflicts still waiting. */
  resolveSyncConflict: SyncConflict[];
};

export type { SyncConflict, SyncReport, SyncSettingsView, SyncStatus };

/**
 * The result of saving a link: the article (perhaps already kept), or the address and why it could not be
 * saved; `queued` when the network was down and the save waits to be retried.
 */
export type SaveOutcome = ImportOutcome | (Extract<ImportOutcome, { ok: false }> & { queued: boolean });

/** A save that failed because the network was down, waiting for the person to retry it. */
export type PendingSave = { url: string; failedAt: string; reason: string };

/** The result of importing one file: the article (perhaps already there), or the file and why it failed. */
export type ImportOutcome =
  | { ok: true; id: string; title: string; duplicate: boolean }
  | { ok: false; file: string; code: ErrorCode; message: string };

/** One search hit: where it is (canonical offsets of the match, or of the highlight) and a snippet around it. */
export type SearchResultHit = {
  kind: 'article' | 'highlight' | 'note';
  start: number;
  end: number;
  snippet: string;
  /** The snippet cut around the match, so the view can mark it without HTML. */
  pieces: { before: string; match: string; after: string };
  highlightId: string | null;
};
export type SearchGroup = { articleId: string; title: string; hits: SearchResultHit[] };

/**
 * A damaged store file that was moved aside (movedTo; null when nothing was kept: a change cut short by a crash
 * was left out), what was recovered and from where (in English), and the newest backup that holds it.
 */
export type StoreRecovery = {
  file: string;
  movedTo: string | null;
  reason: string;
  recovered: string;
  newestBackup: string | null;
};
export type BackupSummary = {
  name: string;
  kind: 'daily' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  files: number;
  verified: boolean;
};
export type StoreStatus = {
  recoveries: StoreRecovery[];
  /** Why the library cannot be changed (a file from a newer version of Hamish, …), or null. */
  readOnly: string | null;
  backups: BackupSummary[];
};

/** What a restore did: highlights added, identical ones skipped, conflicting ones left as they are. */
export type RestoreReport = {
  added: number;
  identical: number;
  conflicts: { id: string; article: string; reason: string }[];
};

export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'corrupt'
  | 'newer-version'
  | 'unwritable'
  | 'disk-full'
  | 'io'
  | 'internal'
  | 'locked'
  // import
  | 'not-a-file'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'too-deep'
  | 'too-slow'
  | 'no-content'
  | 'unsupported'
  // books
  | 'drm'
  | 'unsafe-archive'
  | 'broken-book'
  // saving from the web
  | WebErrorCode
  // sync
  | SyncErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'corrupt',
  'newer-version',
  'unwritable',
  'disk-full',
  'io',
  'internal',
  'locked',
  'not-a-file',
  'empty',
  'binary',
  'undecodable',
  'too-large',
  'too-deep',
  'too-slow',
  'no-content',
  'unsupported',
  'drm',
  'unsafe-archive',
  'broken-book',
  'web-scheme',
  'web-redirects',
  'web-timeout',
  'web-cancelled',
  'web-status',
  'web-not-html',
  'web-tls',
  'web-offline',
  'web-failed',
  'web-private',
  'sync-not-configured',
  'sync-unreachable',
  'sync-unauthorized',
  'sync-needs-passphrase',
  'sync-wrong-passphrase',
  'sync-not-encrypted',
  'sync-newer-version',
  'sync-not-a-database',
  'sync-server-error',
  'sync-format-lost',
  'sync-busy',
  'sync-conflict-changed',
];

export type ApiError = { code: ErrorCode; message: string; file?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What `window.hamish` offers the renderer. */
export type HamishApi = { [M in Method]: (input: Inputs[M]) => Promise<Result<Outputs[M]>> };

/**
 * Why a page could not be saved from the web. `code` is what the interface translates, `message` plain
 * English naming the address (the CLI prints it), `file` the address, as errors of files carry the file.
 */
export type WebErrorCode =
  | 'web-scheme'
  | 'web-redirects'
  | 'web-timeout'
  | 'web-cancelled'
  | 'web-status'
  | 'web-not-html'
  | 'web-tls'
  | 'web-offline'
  | 'web-failed'
  | 'web-private'
  | 'too-large';
