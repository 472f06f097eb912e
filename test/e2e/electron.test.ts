import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/methods';
import { removeDir, ROOT, tempDataDir } from './harness';

/**
 * The real Electron app through Playwright's _electron. It needs Electron's binary, which is downloaded
 * from GitHub on first use; where that cannot happen (machines without access to GitHub, such as our CI) the suite is skipped with the
 * reason. Never `require('electron')` here: that would try the download.
 */
function electronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'Electron binary not downloaded (no electron/path.txt); GitHub is unreachable here' };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron binary missing at ${binary}` };
}

const binary = electronBinary();
const reason = 'missing' in binary ? binary.missing : '';

describe.skipIf('missing' in binary)(`the Electron app${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [ROOT, '--data-dir', dataDir],
    });
    page = await app.firstWindow();
    await page.locator('article h1').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) await removeDir(dataDir);
  });

  it('opens the default article, right to left', async () => {
    await expect(page.locator('article h2').count()).resolves.toBe(5);
    await expect(page.locator('article').getAttribute('dir')).resolves.toBe('rtl');
  });

  it('gives the page no Node and only the contract on window.hamish', async () => {
    await expect(page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).resolves.toBe(
      'undefined',
    );
    await expect(page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).resolves.toBe(
      'undefined',
    );
    const methods = await page.evaluate(() =>
      Object.keys((window as unknown as { hamish: object }).hamish).sort(),
    );
    expect(methods).toEqual([...METHODS].sort());
  });

  it('serves the page with the strict CSP', async () => {
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });
});
