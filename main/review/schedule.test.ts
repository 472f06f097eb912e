import { describe, expect, it } from 'vitest';
import {
  addDays,
  chooseReviewSet,
  dayOf,
  isDue,
  nextState,
  streakOf,
  withDay,
  type ReviewCandidate,
} from './schedule';

// Noon, so the local calendar day is the same in every time zone the tests may run in.
const NOW = new Date(2026, 2, 10, 12, 0, 0);
const TODAY = dayOf(NOW);
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describe('the review schedule', () => {
  it('brings a kept highlight back in 3 days, then twice as late each time', () => {
    const first = nextState(undefined, 'keep', NOW);
    expect(first).toMatchObject({ interval: 3, due: addDays(TODAY, 3), archived: false });
    const second = nextState(first, 'keep', later(3));
    expect(second.interval).toBe(6);
    expect(second.due).toBe(addDays(TODAY, 9));
    expect(nextState(second, 'keep', later(9)).interval).toBe(12);
  });

  it('brings a "less often" highlight back in 14 days, then four times as late', () => {
    const first = nextState(undefined, 'less', NOW);
    expect(first.interval).toBe(14);
    expect(nextState(first, 'less', later(14)).interval).toBe(56);
    // "keep" after "less often" still grows from the interval reached.
    expect(nextState(first, 'keep', later(14)).interval).toBe(28);
  });

  it('never waits more than a year', () => {
    let state = nextState(undefined, 'less', NOW);
    for (let i = 0; i < 6; i++) state = nextState(state, 'less', NOW);
    expect(state.interval).toBe(365);
  });

  it('archives a highlight out of the review, and a later answer starts it over', () => {
    const archived = nextState(nextState(undefined, 'keep', NOW), 'archive', NOW);
    expect(archived.archived).toBe(true);
    expect(
      isDue({ id: 'a', hasNote: false, createdAt: NOW.toISOString(), state: archived }, '2099-01-01'),
    ).toBe(false);
    expect(nextState(archived, 'keep', later(1))).toMatchObject({ interval: 3, archived: false });
  });

  it('treats a never-reviewed highlight as due, and one answered today as not due again today', () => {
    const fresh: ReviewCandidate = { id: 'a', hasNote: false, createdAt: NOW.toISOString() };
    expect(isDue(fresh, TODAY)).toBe(true);
    const answered = { ...fresh, state: nextState(undefined, 'keep', NOW) };
    expect(isDue(answered, TODAY)).toBe(false);
    expect(isDue(answered, addDays(TODAY, 2))).toBe(false);
    expect(isDue(answered, addDays(TODAY, 3))).toBe(true);
  });
});

describe("today's review set", () => {
  const made = (daysAgo: number) => later(-daysAgo).toISOString();

  it('holds at most the size asked for, and only due highlights', () => {
    const candidates: ReviewCandidate[] = Array.from({ length: 30 }, (_, i) => ({
      id: `h${i}`,
      hasNote: false,
      createdAt: made(i),
    }));
    candidates.push({
      id: 'kept',
      hasNote: true,
      createdAt: made(100),
      state: nextState(undefined, 'keep', later(-1)),
    });
    const set = chooseReviewSet(candidates, { now: NOW });
    expect(set).toHaveLength(10);
    expect(set).not.toContain('kept');
    expect(chooseReviewSet(candidates, { now: NOW, size: 3 })).toHaveLength(3);
  });

  it('favours highlights with a note and those not seen for long', () => {
    const candidates: ReviewCandidate[] = [
      { id: 'new-plain', hasNote: false, createdAt: made(1) },
      { id: 'new-with-note', hasNote: true, createdAt: made(1) },
      { id: 'old-plain', hasNote: false, createdAt: made(200) },
    ];
    expect(chooseReviewSet(candidates, { now: NOW, size: 3, seed: 'x' })).toEqual([
      'old-plain',
      'new-with-note',
      'new-plain',
    ]);
  });

  it('is the same set for the same day and seed, whatever the order of the library', () => {
    const candidates: ReviewCandidate[] = Array.from({ length: 50 }, (_, i) => ({
      id: `h${i}`,
      hasNote: i % 3 === 0,
      createdAt: made(i % 7),
    }));
    const set = chooseReviewSet(candidates, { now: NOW });
    expect(chooseReviewSet([...candidates].reverse(), { now: NOW })).toEqual(set);
    expect(chooseReviewSet(candidates, { now: NOW, seed: 'another day' })).not.toEqual(set);
  });

  it('is empty when nothing is due (it never fills up with highlights not due)', () => {
    const state = nextState(undefined, 'keep', later(-1));
    expect(chooseReviewSet([{ id: 'a', hasNote: true, createdAt: made(10), state }], { now: NOW })).toEqual(
      [],
    );
  });
});

describe('the streak', () => {
  it('counts consecutive days ending today, or yesterday before today’s review', () => {
    const days = withDay(withDay(withDay([], addDays(TODAY, -3)), addDays(TODAY, -2)), addDays(TODAY, -1));
    expect(streakOf(days, TODAY)).toBe(3);
    expect(streakOf(withDay(days, TODAY), TODAY)).toBe(4);
    expect(streakOf(days, addDays(TODAY, 2))).toBe(0);
  });

  it('keeps the days once each, in order', () => {
    expect(withDay(withDay(['2026-01-02'], '2026-01-01'), '2026-01-02')).toEqual([
      '2026-01-01',
      '2026-01-02',
    ]);
  });
});
