import { runCli } from '../../main/cli/run';

/* The real `hamish` command line in a process of its own, for tests that kill it in the middle of a sync. */
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
