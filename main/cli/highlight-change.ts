import { HamishError } from '../api/errors';
import { createService, type Service } from '../api/service';
import { call } from '../api/checked-call';
import type { Io } from './output';

/**
 * `note HIGHLIGHT_ID TEXT` (with `note`) and `delete HIGHLIGHT_ID` (without): the highlight's article is
 * found with a read-only look at the library, so that no other article's file is touched on the way (a
 * damaged one is passed over, and named if the id is not found); then the change goes through the same
 * checked call as the app's, with the contract's limits. Prints the highlight's id.
 */
export async function changeHighlight(
  service: Service,
  change: { id: string; note?: string },
  json: boolean,
  io: Io,
): Promise<number> {
  const { id, note } = change;
  const lookup = await createService({ dataDir: service.dataDir, readOnly: true });
  const { articleId, unreadable } = await lookup.highlightOwner(id);
  if (articleId === null) {
    const damaged = unreadable.map((error) => ` ${error.message}`).join('');
    throw new HamishError('not-found', `No highlight with id ${id}.${damaged}`);
  }
  if (note !== undefined) await call(service, 'updateHighlight', { articleId, id, note });
  else await call(service, 'deleteHighlight', { articleId, id });
  io.stdout(json ? JSON.stringify({ id }) + '\n' : `${id}\n`);
  return 0;
}
