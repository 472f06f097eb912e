import { fileURLToPath } from 'node:url';
import { runCli } from './run';

// Built to out/main/cli.js; the default article ships in data/ at the package root.
const defaultArticle = fileURLToPath(new URL('../../data/article-ar.txt', import.meta.url));

const code = await runCli(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  { defaultArticles: [defaultArticle] },
);
process.exitCode = code;
