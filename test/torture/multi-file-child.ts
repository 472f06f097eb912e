import { writeSync } from 'node:fs';
import { createService } from '../../main/api/service';

/**
 * The process the all-or-nothing kill test kills: it runs, in a loop until killed, the operations that change
 * several files at once — a new version of an article (two versions in turn), an import, moving it to the
 * trash and emptying the trash. It prints `ready` once the folder is open, then `ack <operation>` after each.
 * Usage: node multi-file-child.mjs DATA_DIR ARTICLE_ID VERSION_1 VERSION_2 NEW_FILE
 */

const [dataDir = '', articleId = '', first = '', second = '', fresh = ''] = process.argv.slice(2);

// Unbuffered: a SIGKILL loses what process.stdout still holds.
const print = (line: string) => writeSync(1, line + '\n');

const service = await createService({ dataDir });
print('ready');
for (let round = 0; ; round++) {
  await service.updateArticleFrom(articleId, round % 2 === 0 ? second : first);
  print('ack update');
  const [imported] = await service.importFiles([fresh]);
  if (!imported?.ok) throw new Error(`import failed: ${imported?.message}`);
  print('ack import');
  await service.trashArticle({ id: imported.id });
  await service.emptyTrash({});
  print('ack empty-trash');
}
