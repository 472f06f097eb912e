// Static security check of main/ with @doyensec/electronegativity, installed outside the app's lock
// (it pulls old eslint and TypeScript). The tool always exits 0, so this wrapper fails on any finding
// that is not listed, with a reason, in .ci/electronegativity-allow.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
// A fresh folder per run and the SARIF (JSON) report: the CSV writer races with itself and can leave a
// garbled file.
const outDir = mkdtempSync(path.join(os.tmpdir(), 'hamish-egy-report-'));
const out = path.join(outDir, 'result.sarif');
execFileSync(
  bin,
  ['-i', path.join(root, 'main'), '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

const allowed = JSON.parse(readFileSync(path.join(root, '.ci/electronegativity-allow.json'), 'utf8')).allowed;
const sarif = JSON.parse(readFileSync(out, 'utf8'));
rmSync(outDir, { recursive: true, force: true });
const findings = sarif.runs.flatMap((run) =>
  (run.results ?? []).map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? 'N/A';
    const file = uri === 'N/A' || !uri ? 'N/A' : path.relative(root, uri.replace(/^file:\/\//, ''));
    return {
      issue: result.ruleId,
      severity: result.level ?? '',
      file: file === '' ? 'N/A' : file,
      location: location?.region ? `${location.region.startLine}:${location.region.startColumn}` : '0:0',
    };
  }),
);
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
