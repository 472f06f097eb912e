import type { Store } from '../store';

/**
 * Deletes the pictures no article of the library (trash included) refers to any more. When an article's file
 * cannot be read, nothing is deleted: its pictures cannot be told apart from unreferenced ones.
 */
export async function collectUnreferencedAssets(store: Store): Promise<number> {
  const referenced = new Set<string>();
  for (const { id } of store.library().articles) {
    let blocks;
    try {
      blocks = (await store.readArticle(id)).blocks;
    } catch {
      return 0;
    }
    for (const block of blocks) if (block.image) referenced.add(block.image.asset);
  }
  return store.collectAssets(referenced);
}
