import { z } from 'zod';
import type { ArticleSource, Block, Direction, TocEntry, WebSource } from '../articles/model';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../annotations/limits';
import { COLORS, type AnchorStatus, type Highlight } from '../annotations/model';
import { REVIEW_ANSWERS, type ReviewAnswer, type ReviewState } from '../review/schedule';
import type { Method } from './methods';
import { SettingsPatchSchema, type Settings } from './settings';
import type { WebErrorCode } from '../web/web-error';
import type { SyncConflict, SyncReport, SyncSettingsView, SyncStatus } from '../sync/model';

/**
 * The one vocabulary shared by main and renderer: every method's input schema and result type.
 * Inputs are validated against these schemas before the service sees them (see dispatch.ts).
 */

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const NoInput = z.object({}).strict();
const Offset = z.number().int().min(0).max(1_000_000_000);
const Color = z.enum(COLORS);
const Note = z.string().max(MAX_NOTE_LENGTH, `a note may have at most ${MAX_NOTE_LENGTH} characters`);
const Tag = z
  .string()
  .max(MAX_TAG_LENGTH, `a tag may have at most ${MAX_TAG_LENGTH} characters`)
  .refine((tag) => tag.trim().length > 0, 'a tag cannot be empty or only spaces');
const Tags = z.array(Tag).max(MAX_TAGS, `at most ${MAX_TAGS} tags`);
const IsoDate = z.string().min(1).max(40);

/** A calendar day, YYYY-MM-DD (a longer ISO time is accepted and its day taken). */
const ReviewDay = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a day is written YYYY-MM-DD');

/** A whole highlight, as the renderer got it back from deleteHighlight, for undo. */
const HighlightInput = z
  .object({
    id: Id,
    articleId: Id,
    color: Color,
    target: z
      .object({
        start: Offset,
        end: Offset,
        exact: z.string().min(1).max(1_000_000),
        prefix: z.string().max(1000),
        suffix: z.string().max(1000),
      })
      .strict(),
    note: Note,
    tags: Tags,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .strict();

export const contract = {
  listArticles: NoInput,
  openArticle: z.object({ id: Id }).strict(),
  saveProgress: z
    .object({
      id: Id,
      offset: z.number().int().min(0).max(1_000_000_000),
      fraction: z.number().min(0).max(1),
    })
    .strict(),
  getSettings: NoInput,
  setSettings: SettingsPatchSchema,
  createHighlight: z
    .object({
      articleId: Id,
      start: Offset,
      end: Offset,
      color: Color,
      note: Note.optional(),
      tags: Tags.optional(),
    })
    .strict()
    .refine(
      (input) => input.start < input.end,
      'the passage is empty or reversed (start must be before end)',
    ),
  updateHighlight: z
    .object({
      articleId: Id,
      id: Id,
      color: Color.optional(),
      note: Note.optional(),
      tags: Tags.optional(),
      // A new passage for the highlight (extending it): both ends or neither.
      start: Offset.optional(),
      end: Offset.optional(),
    })
    .strict()
    .refine(
      (input) => (input.start === undefined) === (input.end === undefined),
      'a new passage needs both its start and its end',
    )
    .refine(
      (input) => input.start === undefined || input.end === undefined || input.start < input.end,
      'the passage is empty or reversed (start must be before end)',
    ),
  deleteHighlight: z.object({ articleId: Id, id: Id }).strict(),
  restoreHighlight: z.object({ highlight: HighlightInput }).strict(),
  setArticleNote: z.object({ id: Id, note: Note.optional(), tags: Tags.optional() }).strict(),
  listTags: NoInput,
  updateArticleSource: z.object({ id: Id }).strict(),
  exportToFile: z
    .object({
      format: z.enum(['md', 'json', 'csv', 'html']),
      articleIds: z.array(Id).max(10_000).optional(),
      tag: Tag.optional(),
      /** Only these highlights (of the articles chosen): "export the selected ones". */
      highlightIds: z.array(Id).max(100_000).optional(),
      /** "Export all" also writes the articles with no highlight, note or tag. */
      includeEmpty: z.boolean().optional(),
      /** The interface language: Markdown and HTML labels and colour names are written in it. */
      language: z.enum(['ar', 'en']).optional(),
    })
    .strict(),
  restoreFromDialog: NoInput,
  storeStatus: NoInput,
  importFromDialog: NoInput,
  importData: z
    .object({
      name: z.string().min(1).max(255),
      // The file's bytes, base64: dropped files are read in the page and sent as data, never as a path.
      base64: z.string().max(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4),
    })
    .strict(),
  renameArticle: z.object({ id: Id, title: z.string().min(1).max(500) }).strict(),
  trashArticle: z.object({ id: Id }).strict(),
  untrashArticle: z.object({ id: Id }).strict(),
  emptyTrash: NoInput,
  listTrash: NoInput,
  search: z
    .object({
      // Long queries are cut to 500 characters by the parser; this bound only stops absurd payloads.
      query: z.string().max(100_000),
      kinds: z
        .array(z.enum(['article', 'highlight', 'note']))
        .max(3)
        .optional(),
      tag: z.string().max(MAX_TAG_LENGTH).optional(),
      /** Only highlights (and their notes) of this colour — the colour the reader may have named. */
      color: Color.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  findInArticle: z.object({ id: Id, query: z.string().max(100_000) }).strict(),
  saveLink: z.object({ url: z.string().min(1).max(8192) }).strict(),
  cancelSave: NoInput,
  setWebDetails: z
    .object({
      id: Id,
      url: z.string().min(1).max(8192).optional(),
      site: z.string().max(500).optional(),
      author: z.string().max(500).optional(),
      published: z.string().max(100).optional(),
    })
    .strict(),
  updateFromWeb: z.object({ id: Id }).strict(),
  listPendingSaves: NoInput,
  retryPendingSaves: NoInput,
  restoreBackup: z
    .object({
      name: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'not a backup name'),
      only: z
        .array(z.string().regex(/^(library\.json|(annotations|articles)\/[A-Za-z0-9_-]{1,64}\.json)$/))
        .max(10_000)
        .optional(),
    })
    .strict(),
  listAllHighlights: z
    .object({
      color: Color.optional(),
      tag: z.string().max(MAX_TAG_LENGTH).optional(),
      articleId: Id.optional(),
      since: ReviewDay.optional(),
      until: ReviewDay.optional(),
      query: z.string().max(100_000).optional(),
      order: z.enum(['newest', 'article']).optional(),
      /** A page of the list: the view asks for the first screenful, then the rest in pieces. */
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    })
    .strict(),
  reviewSet: z
    .object({ size: z.number().int().min(1).max(100).optional(), seed: z.string().max(100).optional() })
    .strict(),
  answerReview: z.object({ articleId: Id, id: Id, answer: z.enum(REVIEW_ANSWERS) }).strict(),
  syncSettings: NoInput,
  configureSync: z
    .object({
      /** A CouchDB database's address (http or https); a password written in it is taken out and kept apart. */
      url: z
        .string()
        .max(2048)
        .refine((url) => /^https?:\/\//i.test(url), 'the address must begin with http:// or https://'),
      username: z.string().max(200).optional(),
      /** Kept encrypted by the system's key store, never in clear; left out, the kept one stays. */
      password: z.string().max(1000).optional(),
      /** Seals what the server stores (end-to-end encryption); kept like the password; '' turns it off. */
      passphrase: z.string().max(1000).optional(),
      auto: z.boolean().optional(),
      includeSettings: z.boolean().optional(),
    })
    .strict(),
  /** Forgets the address and the password (what was synced stays in the library). */
  forgetSync: NoInput,
  syncNow: NoInput,
  syncStatus: NoInput,
  syncConflicts: NoInput,
  resolveSyncConflict: z
    .object({
      id: z.string().min(1).max(300),
      keep: z.union([z.enum(['local', 'remote', 'both']), z.object({ text: Note }).strict()]),
    })
    .strict(),
} satisfies Record<Method, z.ZodType>;

export type { ReviewAnswer, ReviewState };

export type Inputs = { [M in Method]: z.input<(typeof contract)[M]> };

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
  | 'sync-not-configured'
  | 'sync-unreachable'
  | 'sync-unauthorized'
  | 'sync-needs-passphrase'
  | 'sync-wrong-passphrase'
  | 'sync-not-encrypted'
  | 'sync-newer-version'
  | 'sync-not-a-database'
  | 'sync-busy'
  | 'sync-conflict-changed'
  | 'sync-failed';

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
  'sync-busy',
  'sync-conflict-changed',
  'sync-failed',
];

export type ApiError = { code: ErrorCode; message: string; file?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What `window.hamish` offers the renderer. */
export type HamishApi = { [M in Method]: (input: Inputs[M]) => Promise<Result<Outputs[M]>> };
