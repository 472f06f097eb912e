import { z } from 'zod';
import type { Block, Direction } from '../articles/model';
import type { AnchorStatus, Highlight } from '../annotations/model';
import type { Method } from './methods';
import { SettingsPatchSchema, type Settings } from './settings';

/**
 * The one vocabulary shared by main and renderer: every method's input schema and result type.
 * Inputs are validated against these schemas before the service sees them (see dispatch.ts).
 */

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const NoInput = z.object({}).strict();

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
} satisfies Record<Method, z.ZodType>;

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
};

/** A highlight with where it resolved in the article's current text (start = end = -1 for an orphan). */
export type ResolvedHighlight = Highlight & { status: AnchorStatus; start: number; end: number };

export type ArticleView = {
  id: string;
  title: string;
  lang: string;
  dir: Direction;
  blocks: Block[];
  note: string;
  tags: string[];
  progress: Progress | null;
  highlights: ResolvedHighlight[];
};

export type SettingsView = {
  settings: Settings;
  /** keys reset to their default because they were invalid */ reset: string[];
};

export type Outputs = {
  listArticles: ArticleSummary[];
  openArticle: ArticleView;
  saveProgress: null;
  getSettings: SettingsView;
  setSettings: Settings;
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
  // import
  | 'not-a-file'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'too-deep'
  | 'no-content'
  | 'unsupported';

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
  'not-a-file',
  'empty',
  'binary',
  'undecodable',
  'too-large',
  'too-deep',
  'no-content',
  'unsupported',
];

export type ApiError = { code: ErrorCode; message: string; file?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What `window.hamish` offers the renderer. */
export type HamishApi = { [M in Method]: (input: Inputs[M]) => Promise<Result<Outputs[M]>> };
