import { z } from 'zod';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../annotations/limits';
import { COLORS } from '../../shared/annotation-model';
import type { Inputs } from '../../shared/contract';
import type { Method } from '../../shared/methods';
import { REVIEW_ANSWERS } from '../../shared/review-model';
import { SettingsPatchSchema } from './settings';

/**
 * Every method's input schema. Inputs are validated against these before the service sees them (see
 * dispatch.ts). The types of inputs and results are the shared vocabulary's (shared/contract.ts), re-exported
 * here for main.
 */
export * from '../../shared/contract';

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

// Each schema takes exactly the shared input type: a schema changed without its type (or the reverse) fails here.
type Same<A, B> = [A, keyof A] extends [B, keyof B]
  ? [B, keyof B] extends [A, keyof A]
    ? true
    : false
  : false;
type Drifted = {
  [M in Method]: Same<z.input<(typeof contract)[M]>, Inputs[M]> extends true ? never : M;
}[Method];
const inputsMatch: [Drifted] extends [never] ? true : Drifted = true;
void inputsMatch;
