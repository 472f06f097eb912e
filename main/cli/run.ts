import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../api/data-dir';
import type { Inputs } from '../api/contract';
import { HamishError, toApiError } from '../api/errors';
import { canonicalText } from '../../shared/article-model';
import { acquireLock, checkDataDir } from '../store';
import { createService, type Service } from '../api/service';
import { EXPORT_FORMATS, type ExportFormat } from '../api/export-methods';
import { exportTarget, writeUserFile } from '../api/user-files';
import { IMPORTABLE_EXTENSIONS } from '../articles';
import { call } from '../api/checked-call';
import { clipEchoes } from './clip-echo';
import { changeHighlight } from './highlight-change';
import {
  printImport,
  printList,
  printSkipped,
  printRestore,
  printSearch,
  printShow,
  printUpdate,
  type Io,
} from './output';
import { copyAttachments } from '../api/export-pictures';
import { HighlightUsageError, listHighlights, printReview } from './highlight-commands';
import { syncCommand } from './sync-command';

function isExportFormat(format: string | undefined): format is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(format);
}

export const USAGE = `Usage: hamish [--data-dir DIR] [--json] COMMAND

Commands:
  import FILE...   import articles (${IMPORTABLE_EXTENSIONS.join(' ')}, or no extension: text);
                   prints ID<TAB>TITLE per file
  save URL...      fetch web pages and keep them offline (text, pictures, address); prints
                   ID<TAB>TITLE per page; the same address again prints the article already kept
  list             ID<TAB>TITLE<TAB>HIGHLIGHTS<TAB>TAGS
  show ID          the article's text, block by block, then its highlights
  highlight ID --quote TEXT [--occurrence N] [--color C] [--note TEXT] [--tag T]...
                   highlight the Nth (default 1st) occurrence of TEXT; prints the highlight's ID
  note HIGHLIGHT_ID TEXT
                   replace a highlight's note; prints the highlight's ID
  delete HIGHLIGHT_ID
                   delete a highlight; prints its ID
  update ID FILE   replace an article by a newer version of it; highlights re-anchor;
                   prints HIGHLIGHT_ID<TAB>STATUS (exact|moved|fuzzy|orphan) per highlight
  export --format md|json|csv|html [--article ID]... [--tag T] [--all] [-o FILE]
                   export notes (stdout without -o); without --article, only articles with
                   highlights, a note or tags, unless --all
  search QUERY [--only notes|highlights] [--tag T]
                   hits across articles, highlights and notes:
                   ARTICLE_ID<TAB>KIND<TAB>START<TAB>END<TAB>SNIPPET
  highlights [--tag T] [--color C] [--since DAY] [--until DAY] [--article ID]
                   every highlight, newest first (trashed ones counted on stderr):
                   HIGHLIGHT_ID<TAB>ARTICLE_ID<TAB>COLOR<TAB>EXACT<TAB>NOTE<TAB>STATUS
  review [--count N]  today's review set (default 10), as highlights prints it
  restore FILE     bring back annotations from a json export
  restore BACKUP   bring the library back to a backup (see \`backups\`); the current one is kept as a backup
  backups          NAME<TAB>KIND<TAB>CREATED<TAB>FILES<TAB>VERIFIED
  sync [--remote URL]
                   replicate with a CouchDB database (the address is remembered; a password in it, or in
                   $HAMISH_SYNC_PASSWORD, never is; $HAMISH_SYNC_PASSPHRASE encrypts what the server keeps);
                   prints sent, received and conflicts, then a line per conflict:
                   conflict<TAB>ID<TAB>KEPT<TAB>OTHER
  check            verify every store file; exit 1 with an explanation on any problem

Data lives in --data-dir, else $HAMISH_DATA_DIR, else the app's own folder.
Exit codes: 0 success, 1 failure, 2 wrong usage. A damaged file met on the way is kept aside, rebuilt where
possible and reported on stderr; \`check\` then exits 1 until the kept copy is reviewed and deleted.
`;

export type CliOptions = {
  env?: Readonly<Record<string, string | undefined>>;
  /** The default article, imported the first time a data dir is used (as the app does). */
  defaultArticles?: readonly string[];
};

class UsageError extends Error {}

/** How long a write command waits for another command to let go of the data folder before it refuses. */
const LOCK_WAIT_MS = 10_000;

/** Commands that change the library: they take the data folder's lock (waiting for another command's). */
const WRITES = new Set(['import', 'save', 'highlight', 'note', 'delete', 'update', 'restore', 'sync']);

/** `hamish check`: validates every store file without changing anything; exit 1 on any problem. */
async function check(dataDir: string, json: boolean, io: Io): Promise<number> {
  const problems = await checkDataDir(dataDir);
  if (json) io.stdout(JSON.stringify(problems, null, 2) + '\n');
  else if (problems.length === 0) io.stdout(`ok: every file in ${dataDir} is readable and valid\n`);
  for (const problem of problems) io.stderr(`${problem.file}: ${problem.code}: ${problem.message}\n`);
  return problems.length === 0 ? 0 : 1;
}

/**
 * Tells on stderr of every damaged file the command met: what was damaged, where the copy was kept, what was
 * recovered from where. The exit code still says whether the command did what was asked; `check` exits 1 until
 * the kept copies are dealt with.
 */
async function reportRecoveries(service: Service, io: Io): Promise<void> {
  const { recoveries } = await call(service, 'storeStatus', {}).catch(() => ({ recoveries: [] }));
  for (const { reason, movedTo, recovered, newestBackup } of recoveries) {
    const kept = movedTo ? ` The damaged copy is kept as ${movedTo}.` : '';
    const backup = newestBackup
      ? ` The newest backup holding it is ${newestBackup} (hamish restore ${newestBackup}).`
      : '';
    io.stderr(`hamish: ${reason}${kept} ${recovered}${backup}\n`);
  }
}

type Flags = {
  quote?: string;
  occurrence?: string;
  color?: string;
  note?: string;
  tag?: string[];
  format?: string;
  article?: string[];
  output?: string;
  only?: string;
  since?: string;
  until?: string;
  count?: string;
  all?: boolean;
  remote?: string;
};

/** Where the Nth occurrence of `quote` starts in the text, or an error saying why there is none. */
function findOccurrence(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) break;
  }
  if (at < 0) {
    const what = occurrence === 1 ? 'does not occur' : `does not occur ${occurrence} times`;
    throw new HamishError('not-found', `The quote ${what} in the article.`);
  }
  return at;
}

function expectArgs(positionals: readonly string[], min: number, max: number, command: string): void {
  if (positionals.length < min || positionals.length > max)
    throw new UsageError(`${command}: wrong number of arguments`);
}

async function highlight(
  service: Service,
  args: string[],
  flags: Flags,
  json: boolean,
  io: Io,
): Promise<number> {
  expectArgs(args, 1, 1, 'highlight');
  const articleId = args[0] ?? '';
  if (flags.quote === undefined || flags.quote === '')
    throw new UsageError('highlight: --quote TEXT is required');
  const occurrence = flags.occurrence === undefined ? 1 : Number(flags.occurrence);
  if (!Number.isInteger(occurrence) || occurrence < 1)
    throw new UsageError('highlight: --occurrence takes a whole number from 1');
  const article = await call(service, 'openArticle', { id: articleId });
  const start = findOccurrence(canonicalText(article.blocks), flags.quote, occurrence);
  const created = await call(service, 'createHighlight', {
    articleId,
    start,
    end: start + flags.quote.length,
    // The schema refuses a colour outside the palette with a message listing it.
    color: (flags.color ?? 'yellow') as Inputs['createHighlight']['color'],
    note: flags.note ?? '',
    tags: flags.tag ?? [],
  });
  io.stdout(json ? JSON.stringify({ id: created.id }) + '\n' : `${created.id}\n`);
  return 0;
}

async function runCommand(
  service: Service,
  command: string,
  args: string[],
  flags: Flags,
  json: boolean,
  io: Io,
): Promise<number> {
  switch (command) {
    case 'import': {
      expectArgs(args, 1, Infinity, 'import');
      const outcomes = await service.importFiles(args);
      printImport(io, outcomes, json);
      return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
    }
    case 'save': {
      expectArgs(args, 1, Infinity, 'save');
      const outcomes = [];
      for (const url of args) outcomes.push(await call(service, 'saveLink', { url }));
      printImport(io, outcomes, json);
      return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
    }
    case 'list':
      expectArgs(args, 0, 0, 'list');
      // Every article is listed, a damaged one with why: the list is whole, so this is a success.
      printList(io, await service.checkedArticles(), json);
      return 0;
    case 'show': {
      expectArgs(args, 1, 1, 'show');
      printShow(io, await call(service, 'openArticle', { id: args[0] ?? '' }), json);
      return 0;
    }
    case 'highlight':
      return highlight(service, args, flags, json, io);
    case 'note':
      expectArgs(args, 2, 2, 'note');
      return changeHighlight(service, { id: args[0] ?? '', note: args[1] ?? '' }, json, io);
    case 'delete':
      expectArgs(args, 1, 1, 'delete');
      return changeHighlight(service, { id: args[0] ?? '' }, json, io);
    case 'update': {
      expectArgs(args, 2, 2, 'update');
      const id = args[0] ?? '';
      await call(service, 'openArticle', { id });
      printUpdate(io, await service.updateArticleFrom(id, args[1] ?? ''), json);
      return 0;
    }
    case 'export': {
      expectArgs(args, 0, 0, 'export');
      const format = flags.format;
      if (!isExportFormat(format)) throw new UsageError('export: --format must be md, json, csv or html');
      if ((flags.tag?.length ?? 0) > 1) throw new UsageError('export: at most one --tag');
      if (flags.output === '') throw new UsageError('export: -o needs a file name');
      // Refused before the export is made: a device, a FIFO, a directory or a file of the data folder.
      if (flags.output !== undefined) await exportTarget(flags.output, service.dataDir);
      const { text, skipped, attachments } = await service.exportNotes(format, {
        articleIds: flags.article,
        tag: flags.tag?.[0],
        includeEmpty: flags.all === true,
      });
      if (flags.output !== undefined) {
        await writeUserFile(flags.output, text, service.dataDir);
        await copyAttachments(service.dataDir, flags.output, attachments);
        if (json) io.stdout(JSON.stringify({ file: flags.output }) + '\n');
      } else io.stdout(text);
      // The rest is exported, but not all that was asked for: a script must know.
      printSkipped(io, skipped);
      return skipped.length === 0 ? 0 : 1;
    }
    case 'restore': {
      expectArgs(args, 1, 1, 'restore');
      const target = args[0] ?? '';
      // A backup is named only by its name as `hamish backups` prints it; a file is a file, whatever its name.
      const backups = (await call(service, 'storeStatus', {})).backups;
      const backup = backups.find((b) => b.name === target);
      const isFile = await stat(target).then(
        (found) => found.isFile(),
        () => false,
      );
      if (backup && !isFile) {
        const outcome = await call(service, 'restoreBackup', { name: backup.name });
        io.stdout(
          json
            ? JSON.stringify(outcome, null, 2) + '\n'
            : `restored ${outcome.restored} (${outcome.files} files); the library as it was is in ${outcome.preRestoreBackup}\n`,
        );
        return 0;
      }
      printRestore(io, await service.restoreFromFile(target), json);
      return 0;
    }
    case 'search': {
      if (args.length === 0) throw new UsageError('search: QUERY is required');
      if ((flags.tag?.length ?? 0) > 1) throw new UsageError('search: at most one --tag');
      const only = flags.only;
      if (only !== undefined && only !== 'notes' && only !== 'highlights') {
        throw new UsageError('search: --only takes notes or highlights');
      }
      const kinds =
        only === 'notes' ? (['note'] as const) : only === 'highlights' ? (['highlight'] as const) : undefined;
      const groups = await call(service, 'search', {
        query: args.join(' '),
        kinds: kinds ? [...kinds] : undefined,
        tag: flags.tag?.[0],
      });
      const hits = groups.flatMap((g) =>
        g.hits.map((h) => ({
          articleId: g.articleId,
          kind: h.kind,
          start: h.start,
          end: h.end,
          snippet: h.snippet,
        })),
      );
      printSearch(io, hits, json);
      // The search left out any article it could not read; say which, and that the answer is partial.
      const skipped = (await service.checkedArticles()).flatMap(({ id, title, damaged }) =>
        damaged === undefined ? [] : [{ id, title, reason: damaged }],
      );
      printSkipped(io, skipped);
      return skipped.length === 0 ? 0 : 1;
    }
    case 'backups': {
      expectArgs(args, 0, 0, 'backups');
      const { backups } = await call(service, 'storeStatus', {});
      if (json) io.stdout(JSON.stringify(backups, null, 2) + '\n');
      else
        for (const b of backups)
          io.stdout(
            `${b.name}\t${b.kind}\t${b.createdAt}\t${b.files}\t${b.verified ? 'verified' : 'NOT VERIFIED'}\n`,
          );
      return 0;
    }
    case 'highlights':
      expectArgs(args, 0, 0, 'highlights');
      return listHighlights((m, input) => call(service, m, input), flags, json, io);
    case 'review':
      expectArgs(args, 0, 0, 'review');
      return printReview((m, input) => call(service, m, input), flags, json, io);
    case 'sync':
      expectArgs(args, 0, 0, 'sync');
      if (flags.remote === '') throw new UsageError('sync: --remote needs the address of a CouchDB database');
      return syncCommand(service, flags.remote, json, io);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** Runs the `hamish` command line on the same service as the app; returns the exit code. */
export async function runCli(argv: readonly string[], rawIo: Io, options: CliOptions = {}): Promise<number> {
  const io: Io = { stdout: rawIo.stdout, stderr: (text) => rawIo.stderr(clipEchoes(text, argv)) };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        quote: { type: 'string' },
        occurrence: { type: 'string' },
        color: { type: 'string' },
        note: { type: 'string' },
        tag: { type: 'string', multiple: true },
        format: { type: 'string' },
        article: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        only: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        count: { type: 'string' },
        all: { type: 'boolean', default: false },
        remote: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`hamish: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (!command) {
    io.stderr(USAGE);
    return 2;
  }
  try {
    const env = options.env ?? process.env;
    const dataDir = resolveDataDir(values['data-dir'], env);
    if (command === 'check') return await check(dataDir, values.json, io);
    if (!WRITES.has(command)) {
      // Reading never changes a file, so it is safe while the app holds the library.
      const service = await createService({ dataDir, readOnly: true });
      return await runCommand(service, command, args, values, values.json, io);
    }
    const release = await acquireLock(dataDir, { owner: 'cli', waitMs: LOCK_WAIT_MS });
    let service: Service | undefined;
    try {
      service = await createService({
        dataDir,
        defaultArticles: options.defaultArticles,
        syncPassword: env.HAMISH_SYNC_PASSWORD || undefined,
        syncPassphrase: env.HAMISH_SYNC_PASSPHRASE || undefined,
      });
      return await runCommand(service, command, args, values, values.json, io);
    } finally {
      if (service) await reportRecoveries(service, io);
      await release();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof HighlightUsageError) {
      io.stderr(`hamish: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const apiError = toApiError(error);
    io.stderr(`hamish: ${apiError.message}\n`);
    return 1;
  }
}
