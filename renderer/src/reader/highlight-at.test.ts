import { describe, expect, it } from 'vitest';
import type { AnchorStatus } from '../../../shared/annotation-model';
import { innermostAt } from './highlight-at';

const placed = (id: string, start: number, end: number, status: AnchorStatus = 'exact') => ({
  id,
  status,
  start,
  end,
});

describe('which highlight a click means', () => {
  const sentence = placed('sentence', 0, 60);
  const word = placed('word', 20, 26);
  const list = [sentence, word, placed('later', 70, 90)];

  it('opens the innermost of nested highlights under the pointer', () => {
    expect(innermostAt(list, 22)).toBe(word);
    expect(innermostAt(list, 5)).toBe(sentence);
  });

  it('counts the start of a highlight as inside it and its end as outside', () => {
    expect(innermostAt(list, 70)?.id).toBe('later');
    expect(innermostAt(list, 90)).toBeNull();
    expect(innermostAt(list, 65)).toBeNull();
  });

  it('never opens an orphan, whose offsets no longer point at its passage', () => {
    expect(innermostAt([placed('lost', 0, 10, 'orphan')], 5)).toBeNull();
  });

  it('keeps the first of two highlights of the same size', () => {
    expect(innermostAt([placed('a', 0, 10), placed('b', 0, 10)], 5)?.id).toBe('a');
  });
});
