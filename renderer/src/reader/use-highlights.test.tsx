import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HamishApi, ResolvedHighlight } from '../../../shared/contract';
import type { Highlight } from '../../../shared/annotation-model';
import { useHighlights } from './use-highlights';

const TEXT = 'فشل المحاولات السابقة في ليبيا، ثم عودة الإرهابيين إلى المدن.';

/**
 * Stands in for main behind `window.hamish`: one article's highlights in memory, with the contract's
 * answers (`{ ok, value }`, errors as values). The browser e2e runs the same hook against the real service.
 */
function memoryBridge() {
  const stored = new Map<string, Highlight>();
  const article = { note: '', tags: [] as string[] };
  let next = 0;
  const resolved = (h: Highlight): ResolvedHighlight => ({
    ...h,
    status: 'exact',
    start: h.target.start,
    end: h.target.end,
  });
  const missing = (id: string) => ({ ok: false, error: { code: 'not-found', message: id } }) as const;
  const api = {
    async createHighlight({ articleId, start, end, color }) {
      const now = new Date().toISOString();
      const target = { start, end, exact: TEXT.slice(start, end), prefix: '', suffix: '' };
      const h: Highlight = {
        id: `h${++next}`,
        articleId,
        color,
        target,
        note: '',
        tags: [],
        createdAt: now,
        updatedAt: now,
      };
      stored.set(h.id, h);
      return { ok: true, value: resolved(h) };
    },
    async updateHighlight({ id, color, note, tags }) {
      const h = stored.get(id);
      if (!h) return missing(id);
      const changed = { ...h, color: color ?? h.color, note: note ?? h.note, tags: tags ?? h.tags };
      stored.set(id, changed);
      return { ok: true, value: resolved(changed) };
    },
    async deleteHighlight({ id }) {
      const h = stored.get(id);
      if (!h) return missing(id);
      stored.delete(id);
      return { ok: true, value: h };
    },
    async restoreHighlight({ highlight }) {
      stored.set(highlight.id, highlight);
      return { ok: true, value: resolved(highlight) };
    },
    async setArticleNote({ note, tags }) {
      if (note !== undefined) article.note = note;
      if (tags !== undefined) article.tags = tags;
      return { ok: true, value: { ...article } };
    },
  } as Pick<
    HamishApi,
    'createHighlight' | 'updateHighlight' | 'deleteHighlight' | 'restoreHighlight' | 'setArticleNote'
  >;
  return { api, stored, article };
}

let bridge: ReturnType<typeof memoryBridge>;

beforeEach(() => {
  bridge = memoryBridge();
  Object.defineProperty(window, 'hamish', { value: bridge.api, configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'hamish');
});

function setup() {
  const { result } = renderHook(() => useHighlights('article', []));
  const create = async () => {
    let id = '';
    await act(async () => {
      const made = await result.current.create(4, 13, 'yellow');
      if ('id' in made) id = made.id;
    });
    return id;
  };
  return { result, create };
}

describe('undo and redo of highlight changes', () => {
  it('undoes and redoes a new highlight, on disk as on screen', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () =>
      expect(await result.current.undo()).toEqual({
        change: 'create',
        effects: [{ kind: 'removed', color: 'yellow' }],
      }),
    );
    expect(bridge.stored.has(id)).toBe(false);
    expect(result.current.highlights).toEqual([]);
    expect(result.current.canRedo).toBe(true);

    await act(async () =>
      expect(await result.current.redo()).toEqual({
        change: 'create',
        effects: [{ kind: 'added', color: 'yellow', hasNote: false }],
      }),
    );
    expect(bridge.stored.get(id)?.target.exact).toBe('المحاولات');
    expect(result.current.highlights.map((h) => h.id)).toEqual([id]);
    expect(result.current.canRedo).toBe(false);
  });

  it('undoes and redoes a deletion, bringing back the same highlight with its note', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { note: 'مهمة' })));
    await act(async () => void (await result.current.remove(id)));
    await act(async () =>
      expect(await result.current.undo()).toEqual({
        change: 'delete',
        effects: [{ kind: 'added', color: 'yellow', hasNote: true }],
      }),
    );
    expect(bridge.stored.get(id)?.note).toBe('مهمة');
    await act(async () => expect(await result.current.redo()).toMatchObject({ change: 'delete' }));
    expect(bridge.stored.has(id)).toBe(false);
  });

  it('undoes and redoes colour and tags, each back and forth', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { color: 'green' })));
    await act(async () => void (await result.current.update(id, { tags: ['ليبيا'] })));
    await act(async () => void (await result.current.undo()));
    expect(bridge.stored.get(id)?.tags).toEqual([]);
    await act(async () => void (await result.current.undo()));
    expect(bridge.stored.get(id)?.color).toBe('yellow');
    await act(async () => void (await result.current.redo()));
    expect(bridge.stored.get(id)?.color).toBe('green');
    await act(async () => void (await result.current.redo()));
    expect(bridge.stored.get(id)).toMatchObject({ color: 'green', tags: ['ليبيا'] });
  });

  it('undoes a note written over several pauses in one step, back to the note before the writing', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { note: 'قديمة' })));
    for (const note of ['جد', 'جديدة', 'جديدة تمامًا'])
      await act(async () => void (await result.current.update(id, { note }, { session: 's1' })));
    // A note is not news to the list: the undo is announced alone.
    await act(async () => expect(await result.current.undo()).toEqual({ change: 'note', effects: [] }));
    expect(bridge.stored.get(id)?.note).toBe('قديمة');
    await act(async () => void (await result.current.redo()));
    expect(bridge.stored.get(id)?.note).toBe('جديدة تمامًا');
  });

  it('undoes and redoes the article’s own note, written over several pauses, and its tags', async () => {
    const { result } = setup();
    for (const note of ['عن', 'عن ليبيا'])
      await act(async () => void (await result.current.updateArticle({ note }, { session: 'a1' })));
    await act(async () => void (await result.current.updateArticle({ tags: ['سياسة'] })));
    await act(async () => expect(await result.current.undo()).toEqual({ change: 'tags', effects: [] }));
    expect(bridge.article).toEqual({ note: 'عن ليبيا', tags: [] });
    await act(async () => expect(await result.current.undo()).toEqual({ change: 'note', effects: [] }));
    expect(bridge.article.note).toBe('');
    expect(result.current.article.note).toBe('');
    // The editor showing the note starts again from the stored text.
    expect(result.current.articleRevision).toBe(2);
    await act(async () => void (await result.current.redo()));
    expect(result.current.article).toEqual({ note: 'عن ليبيا', tags: [] });
    await act(async () => void (await result.current.redo()));
    expect(bridge.article).toEqual({ note: 'عن ليبيا', tags: ['سياسة'] });
  });

  it('forgets what could be redone once a new change is made', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { color: 'blue' })));
    await act(async () => void (await result.current.undo()));
    await act(async () => void (await result.current.update(id, { color: 'pink' })));
    await act(async () => expect(await result.current.redo()).toBe('nothing'));
    expect(bridge.stored.get(id)?.color).toBe('pink');
  });

  it('says when there is nothing to undo or redo', async () => {
    const { result } = setup();
    await act(async () => expect(await result.current.undo()).toBe('nothing'));
    await act(async () => expect(await result.current.redo()).toBe('nothing'));
  });

  it('reverses a step once when undo is pressed twice before the first is saved', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { color: 'green' })));
    await act(async () => void (await result.current.update(id, { color: 'blue' })));
    await act(async () => {
      const both = await Promise.all([result.current.undo(), result.current.undo()]);
      expect(both).toEqual([
        { change: 'color', effects: [{ kind: 'recoloured', color: 'green' }] },
        'failed',
      ]);
    });
    expect(bridge.stored.get(id)?.color).toBe('green');
  });

  it('keeps the step when undo fails, and shows the error', async () => {
    const { result, create } = setup();
    const id = await create();
    await act(async () => void (await result.current.update(id, { color: 'green' })));
    // The highlight went away behind the page's back (another window, the command line).
    bridge.stored.delete(id);
    await act(async () => expect(await result.current.undo()).toBe('failed'));
    expect(result.current.error?.code).toBe('not-found');
    expect(result.current.canUndo).toBe(true);
  });
});
