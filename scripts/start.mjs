#!/usr/bin/env node
/**
 * `npm start`: makes sure Electron's program is installed (its npm package downloads it from GitHub on first
 * use), then builds and runs the app with `electron-vite preview`. Arguments are passed on to electron-vite
 * (`npm start -- --noSandbox`, `npm start -- -- --data-dir DIR`).
 *
 * When the download fails, the user gets a paragraph saying what happened and what to do, not the installer's
 * JavaScript stack trace, and a non-zero exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;

/** Node's version as [major, minor]. */
function nodeVersion() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return [major, minor];
}

/** The installer's own words, without the stack: its last line that is not an `at …` frame. */
function reasonFrom(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('^'));
  const last = lines.at(-1) ?? '';
  return last.replace(/^[A-Za-z]*Error:\s*/, '') || 'the installer stopped without saying why';
}

/** Where the installer downloads from: a mirror if one is set (read in @electron/get's order), else GitHub. */
function downloadSource() {
  const mirror =
    process.env.npm_config_electron_mirror ||
    process.env.NPM_CONFIG_ELECTRON_MIRROR ||
    process.env.npm_package_config_electron_mirror ||
    process.env.ELECTRON_MIRROR;
  return mirror ? `the mirror ${mirror}` : 'GitHub';
}

/** Breaks a paragraph into lines of at most `width` characters, at spaces. */
function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** What failed, why Electron is downloaded, how to point the download elsewhere, how to try again. */
function explain(reason) {
  const [major, minor] = nodeVersion();
  const oldNode =
    major < 22 || (major === 22 && minor < 12)
      ? `This is Node ${process.versions.node}; Electron ${electronVersion} and its downloader need Node 22.12 or newer.`
      : '';
  return wrap(
    [
      `Hamish cannot start: Electron ${electronVersion}, the program that runs it, is not installed yet, and`,
      `downloading it from ${downloadSource()} failed (${reason}).`,
      "On the first start, Electron's npm package downloads Electron (about 100 MB) from GitHub",
      '(https://github.com/electron/electron/releases); later starts use that copy.',
      oldNode,
      'Where GitHub cannot be reached, set ELECTRON_MIRROR to a mirror of those releases (for example',
      'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/). Behind a proxy, set HTTPS_PROXY (and NO_PROXY',
      'if needed) together with ELECTRON_GET_USE_PROXY=true. Then run `npm start` again.',
      'The command line (`npx hamish --help`) works without Electron.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Runs Electron's installer (a no-op once installed); resolves to null on success, else the reason. */
function installElectron() {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error) return result.error.message;
  if (result.status === 0) return null;
  return reasonFrom(result.stderr ?? '') + (result.signal ? ` (stopped by ${result.signal})` : '');
}

const failure = installElectron();
if (failure !== null) {
  process.stderr.write(`${explain(failure)}\n`);
  process.exit(1);
}

const electronViteDir = path.dirname(require.resolve('electron-vite/package.json'));
const electronVite = path.join(electronViteDir, require('electron-vite/package.json').bin['electron-vite']);
const child = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
