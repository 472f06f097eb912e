import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/kits/web-server';
import { runHamish } from '../../test/kits/cli-kit';

let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  server = await startTestServer();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-cli-save-'));
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('hamish save', () => {
  it('prints ID<TAB>TITLE as import does, and the same article for the same address', async () => {
    const first = await runHamish(dataDir, 'save', server.url('/article'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [id, title] = first.stdout.trim().split('\t');
    expect(title).toBe('الخط العربي');
    const again = await runHamish(dataDir, '--json', 'save', server.url('/article?utm_medium=mail'));
    expect(JSON.parse(again.stdout)).toEqual([{ id, title }]);
    const shown = JSON.parse((await runHamish(dataDir, '--json', 'show', id ?? '')).stdout) as {
      source: { web: { url: string; site: string } };
      blocks: { kind: string; image?: unknown; missing?: { reason: string } }[];
    };
    expect(shown.source.web).toMatchObject({ url: server.url('/articles/khatt'), site: 'مجلة الخط' });
    const figures = shown.blocks.filter((block) => block.kind === 'figure');
    expect(figures[0]?.image).toBeDefined();
    expect(figures[1]?.missing?.reason).toBe('not-found');
  });

  it('names the address and the problem on stderr and exits 1, saving the others', async () => {
    const run = await runHamish(
      dataDir,
      'save',
      'file:///etc/passwd',
      server.url('/500'),
      server.url('/gzip'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('file:///etc/passwd: only http and https addresses are saved');
    expect(run.stderr).toContain(`${server.url('/500')}: the site had an error (HTTP 500)`);
    expect(run.stdout).toMatch(/^[0-9a-f]+\tصفحة مضغوطة\n$/);
  });

  it('wants at least one address', async () => {
    expect((await runHamish(dataDir, 'save')).code).toBe(2);
  });
});
