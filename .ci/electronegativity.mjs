// Static security check of main/ with @doyensec/electronegativity, installed outside the app's lock
// (it pulls old eslint and TypeScript). The tool always exits 0, so this wrapper fails on any finding
// that is not listed, with a reason, in .ci/electronegativity-allow.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const root = path.resolve(import.meta.dirname, '..');
const prefix = path.join(os.tmpdir(), 'hamish-electronegativity');
const bin = path.join(prefix, 'node_modules', '.bin', 'electronegativity');
if (!existsSync(bin)) {
  mkdirSync(prefix, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--no-save',
      '@doyensec/electronegativity@1.10.3',
    ],
    {
      stdio: 'inherit',
    },
  );
}
const electron = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const out = path.join(prefix, 'result.csv');
// The tool overwrites its output in place without truncating it: start from no file.
rmSync(out, { force: true });
execFileSync(
  bin,
  ['-i', path.join(root, 'main'), '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

const allowed = JSON.parse(readFileSync(path.join(root, '.ci/electronegativity-allow.json'), 'utf8')).allowed;
// Samples hold code with commas and quotes: read the report with a real CSV parser.
const records = parse(readFileSync(out, 'utf8'), {
  columns: true,
  trim: true,
  skip_empty_lines: true,
  relax_quotes: true,
});
const findings = records.map((r) => ({
  issue: r.issue,
  severity: r.severity,
  file: r.filename === 'N/A' ? 'N/A' : path.relative(root, r.filename),
  location: r.location,
}));
const unexpected = findings.filter((f) => !allowed.some((a) => a.issue === f.issue && a.file === f.file));
for (const f of findings) {
  const ok = !unexpected.includes(f);
  console.log(`${ok ? 'allowed ' : 'FINDING '} ${f.issue} ${f.severity} ${f.file}:${f.location}`);
}
if (unexpected.length > 0) {
  console.error(
    `electronegativity: ${unexpected.length} finding(s) not reviewed; fix them or list them with a reason.`,
  );
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all reviewed.`);
