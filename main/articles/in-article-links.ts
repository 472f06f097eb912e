import type { Block } from '../../shared/article-model';

/**
 * Keeps the links within the article that lead somewhere in it, and the anchors they lead to; a link to an
 * id that is not in the article (a menu's "#top") keeps its text only.
 */
export function linkedWithin(blocks: Block[]): Block[] {
  const present = new Set(blocks.flatMap((block) => block.anchors ?? []));
  const wanted = new Set<string>();
  for (const block of blocks) {
    if (!block.marks) continue;
    block.marks = block.marks.filter((mark) => {
      if (!mark.href?.startsWith('#')) return true;
      const target = mark.href.slice(1);
      if (present.has(target)) wanted.add(target);
      return present.has(target);
    });
    if (block.marks.length === 0) delete block.marks;
  }
  for (const block of blocks) {
    const kept = block.anchors?.filter((anchor) => wanted.has(anchor)) ?? [];
    if (kept.length > 0) block.anchors = kept;
    else delete block.anchors;
  }
  return blocks;
}
