import { waitForGo } from './process-race-kit';
import { runCli } from '../../main/cli/run';

/*
 * A `hamish` command for tests that start many at the same instant: it waits for "go" on stdin (see
 * process-race-kit.ts), then runs the real command line with its arguments and exits with its code.
 */
const argv = process.argv.slice(2);
await waitForGo();
let stdout = '';
let stderr = '';
const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
