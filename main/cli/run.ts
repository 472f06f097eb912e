import { parseArgs } from 'node:util';
import { resolveDataDir } from '../api/data-dir';
import { toApiError } from '../api/errors';
import { createService, type Service } from '../api/service';
import { printImport, printList, printShow, type Io } from './output';

export const USAGE = `Usage: hamish [--data-dir DIR] [--json] COMMAND

Commands:
  import FILE...   import articles (txt); prints ID<TAB>TITLE per file
  list             ID<TAB>TITLE<TAB>HIGHLIGHTS<TAB>TAGS
  show ID          the article's text, block by block, then its highlights

Data lives in --data-dir, else $HAMISH_DATA_DIR, else the app's own folder.
Exit codes: 0 success, 1 failure, 2 wrong usage.
`;

export type CliOptions = {
  env?: Readonly<Record<string, string | undefined>>;
  /** The default article, imported the first time a data dir is used (as the app does). */
  defaultArticles?: readonly string[];
};

class UsageError extends Error {}

function expectArgs(positionals: readonly string[], min: number, max: number, command: string): void {
  if (positionals.length < min || positionals.length > max)
    throw new UsageError(`${command}: wrong number of arguments`);
}

async function runCommand(
  service: Service,
  command: string,
  args: string[],
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
    case 'list':
      expectArgs(args, 0, 0, 'list');
      printList(io, await service.listArticles({}), json);
      return 0;
    case 'show': {
      expectArgs(args, 1, 1, 'show');
      printShow(io, await service.openArticle({ id: args[0] ?? '' }), json);
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** Runs the `hamish` command line on the same service as the app; returns the exit code. */
export async function runCli(argv: readonly string[], io: Io, options: CliOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
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
    const dataDir = resolveDataDir(values['data-dir'], options.env ?? process.env);
    const service = await createService({ dataDir, defaultArticles: options.defaultArticles });
    return await runCommand(service, command, args, values.json, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`hamish: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const apiError = toApiError(error);
    io.stderr(`hamish: ${apiError.message}\n`);
    return 1;
  }
}
