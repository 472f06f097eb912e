import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataUri, pngBytes } from '../../test/kits/images';
import { checkDataDir } from '../store';
import { createService, type Service } from './service';

const PARAGRAPH =
  '<p>يعرض هذا المقال صورًا التقطها مراسلنا في السوق القديم، مع شرح لما تظهره كل صورة من تفاصيل الحياة اليومية.</p>';

let root: string;
let dataDir: string;
let service: Service;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hamish-pictures-'));
  dataDir = path.join(root, 'data');
  service = await createService({ dataDir });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function savedPage(name: string, body: string): Promise<string> {
  const file = path.join(root, `${name}.html`);
  await writeFile(
    file,
    `<html lang="ar"><head><title>${name}</title></head><body><article>${PARAGRAPH}${body}${PARAGRAPH}</article></body></html>`,
  );
  return file;
}

async function figures(id: string) {
  const view = await service.openArticle({ id });
  return view.blocks.filter((block) => block.kind === 'figure');
}

const assets = async (): Promise<string[]> =>
  (await readdir(path.join(dataDir, 'assets')).catch(() => [])).filter((n) => !n.startsWith('.')).sort();

describe('pictures of an imported page', () => {
  it('keeps the pictures of a page saved "complete" from its _files folder, once each', async () => {
    const file = await savedPage(
      'سوق',
      '<figure><img src="%D8%B3%D9%88%D9%82_files/a.png" alt="أ"><figcaption>الباعة</figcaption></figure><img src="./سوق_files/b.png" alt="ب"><img src="سوق_files/a.png" alt="مكررة">',
    );
    await mkdir(path.join(root, 'سوق_files'));
    await writeFile(path.join(root, 'سوق_files', 'a.png'), pngBytes(3, 2, 1));
    await writeFile(path.join(root, 'سوق_files', 'b.png'), pngBytes(5, 5, 2));
    const [outcome] = await service.importFiles([file]);
    if (!outcome?.ok) throw new Error('import failed');
    const shown = await figures(outcome.id);
    expect(shown.map((f) => [f.text, f.image?.width, f.image?.height])).toEqual([
      ['الباعة', 3, 2],
      ['ب', 5, 5],
      ['مكررة', 3, 2],
    ]);
    expect(await assets()).toEqual([shown[0]?.image?.asset, shown[1]?.image?.asset].sort());
    const stored = await readFile(path.join(dataDir, 'assets', shown[1]?.image?.asset ?? ''));
    expect(stored.equals(pngBytes(5, 5, 2))).toBe(true);
    expect(await checkDataDir(dataDir)).toEqual([]);

    await rm(path.join(dataDir, 'assets', shown[1]?.image?.asset ?? ''));
    const problems = await checkDataDir(dataDir);
    expect(problems.map((p) => p.code)).toEqual(['not-found']);
    expect(problems[0]?.message).toContain(`shows the picture ${shown[1]?.image?.asset}, but it is missing`);
  });

  it('never reads outside the _files folder: no ../, no symbolic links', async () => {
    await writeFile(path.join(root, 'secret.png'), pngBytes(2, 2, 7));
    await mkdir(path.join(root, 'page_files'));
    await symlink(path.join(root, 'secret.png'), path.join(root, 'page_files', 'link.png'));
    await mkdir(path.join(root, 'elsewhere'));
    await writeFile(path.join(root, 'elsewhere', 'x.png'), pngBytes(2, 2, 8));
    await symlink(path.join(root, 'elsewhere'), path.join(root, 'page_files', 'dir'));
    const file = await savedPage(
      'page',
      '<img src="page_files/../secret.png" alt="1"><img src="page_files/link.png" alt="2"><img src="page_files/dir/x.png" alt="3"><img src="/etc/passwd" alt="4"><img src="secret.png" alt="5"><img src="file:///etc/passwd" alt="6">',
    );
    const [outcome] = await service.importFiles([file]);
    if (!outcome?.ok) throw new Error('import failed');
    const reasons = (await figures(outcome.id)).map((f) => f.missing?.reason);
    expect(reasons).toEqual(Array(6).fill('outside-folder'));
    expect(await assets()).toEqual([]);
  });

  it('keeps data: pictures of a dropped page but lists its folder pictures as missing', async () => {
    const html = `<html><body><article>${PARAGRAPH}<img src="${dataUri(pngBytes(2, 2))}" alt="مضمنة"><img src="p_files/x.png" alt="غائبة">${PARAGRAPH}</article></body></html>`;
    const outcome = await service.importData({
      name: 'p.html',
      base64: Buffer.from(html).toString('base64'),
    });
    if (!outcome.ok) throw new Error('import failed');
    expect((await figures(outcome.id)).map((f) => (f.image ? 'kept' : f.missing?.reason))).toEqual([
      'kept',
      'content-only',
    ]);
  });

  it('check finds a damaged picture; emptying the trash collects only unreferenced pictures', async () => {
    const shared = dataUri(pngBytes(2, 2, 1));
    const own = dataUri(pngBytes(2, 2, 2));
    const first = await savedPage('one', `<img src="${shared}" alt="م"><img src="${own}" alt="خ">`);
    const second = await savedPage('two', `<img src="${shared}" alt="م"><p>نص آخر مختلف</p>`);
    const [a, b] = await service.importFiles([first, second]);
    if (!a?.ok || !b?.ok) throw new Error('import failed');
    expect(await assets()).toHaveLength(2);

    await service.trashArticle({ id: a.id });
    expect(await assets()).toHaveLength(2); // still in the trash: nothing removed yet
    await service.emptyTrash({});
    const left = await assets();
    expect(left).toEqual([(await figures(b.id))[0]?.image?.asset]);

    await writeFile(path.join(dataDir, 'assets', left[0] ?? ''), pngBytes(2, 2, 9));
    const problems = await checkDataDir(dataDir);
    expect(problems.map((p) => p.code)).toEqual(['corrupt']);
    expect(problems[0]?.message).toContain('does not match its checksum');
  });

  it('never collects the pictures of an import in progress when the trash is emptied meanwhile', async () => {
    for (let round = 0; round < 10; round += 1) {
      const file = await savedPage(
        `round-${round}`,
        `<img src="${dataUri(pngBytes(4, 4, 20 + round))}" alt="ج">`,
      );
      const [[outcome]] = await Promise.all([service.importFiles([file]), service.emptyTrash({})]);
      if (!outcome?.ok) throw new Error('import failed');
      const [figure] = await figures(outcome.id);
      expect(await assets()).toContain(figure?.image?.asset);
    }
    expect(await checkDataDir(dataDir)).toEqual([]);
  });

  it('backs pictures up and brings them back with a restore', async () => {
    const file = await savedPage('b', `<img src="${dataUri(pngBytes(3, 3, 5))}" alt="ص">`);
    const [outcome] = await service.importFiles([file]);
    if (!outcome?.ok) throw new Error('import failed');
    await service.ensureDailyBackup();
    const [backup] = await readdir(path.join(dataDir, 'backups'));
    const kept = await assets();
    expect(kept).toHaveLength(1);
    expect(await readdir(path.join(dataDir, 'backups', backup ?? '', 'assets'))).toEqual(kept);

    await rm(path.join(dataDir, 'assets'), { recursive: true });
    await service.restoreBackup({ name: backup ?? '' });
    expect(await assets()).toEqual(kept);
    expect(await checkDataDir(dataDir)).toEqual([]);
  });

  it('keeps the pictures a Markdown note names beside it, and nothing above its folder', async () => {
    await mkdir(path.join(root, 'notes', 'maps'), { recursive: true });
    await writeFile(path.join(root, 'notes', 'maps', 'city.png'), pngBytes(4, 4, 3));
    await writeFile(path.join(root, 'secret.png'), pngBytes(2, 2, 4));
    const note = path.join(root, 'notes', 'note.md');
    await writeFile(
      note,
      '# مدينة\n\nفقرة أولى عن المدينة وأحيائها القديمة.\n\n![خريطة المدينة](maps/city.png)\n\n---\n\n![سر](../secret.png)\n',
    );
    const [outcome] = await service.importFiles([note]);
    if (!outcome?.ok) throw new Error('import failed');
    const view = await service.openArticle({ id: outcome.id });
    expect(view.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'figure', 'rule', 'figure']);
    const [map, secret] = view.blocks.filter((b) => b.kind === 'figure');
    expect(map).toMatchObject({ text: 'خريطة المدينة', image: { width: 4, height: 4 } });
    expect(secret?.missing?.reason).toBe('outside-folder');
    expect(await assets()).toHaveLength(1);
  });
});
