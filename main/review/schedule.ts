/**
 * The daily review's schedule: when a highlight comes back, and which ones make today's set.
 *
 * The rule, in the reader's words:
 * - A highlight never reviewed is due from the day it was made.
 * - "keep" brings it back in 3 days the first time, then each time twice as late as the last time.
 * - "less often" brings it back in 14 days the first time, then each time four times as late.
 * - Intervals stop growing at a year, so nothing kept disappears for good.
 * - "archive" takes it out of the review (it stays in the library; answering again brings it back).
 * - Today's set holds at most `size` highlights that are due and were not already seen today. They are
 *   ranked by days overdue plus days since last seen (or since made), a bonus for a note, and a small
 *   jitter from a seed (the date by default), so the set is stable through a day and varies between days.
 *   Nothing that is not due is ever added to fill the set: an empty set means "nothing to review today".
 *
 * Everything here is pure: the clock comes in as a Date, days are local calendar days (YYYY-MM-DD).
 */

import { REVIEW_ANSWERS, type ReviewAnswer, type ReviewState } from '../../shared/review-model';

export { REVIEW_ANSWERS, type ReviewAnswer, type ReviewState };

export const DEFAULT_SET_SIZE = 10;
export const MAX_INTERVAL_DAYS = 365;
const FIRST_INTERVAL: Record<'keep' | 'less', number> = { keep: 3, less: 14 };
const GROWTH: Record<'keep' | 'less', number> = { keep: 2, less: 4 };
/** A note is worth a month of waiting: notes are what the reader added, so they come back first. */
const NOTE_BONUS_DAYS = 30;
/** At most this many days of "not seen for long" count, so very old highlights do not crowd out the rest. */
const MAX_AGE_DAYS = 365;
/** The jitter spans this many days' worth of rank: it reorders near-equals, never the overdue first. */
const JITTER_DAYS = 7;
/** Days kept for the streak: a little over a year. */
const MAX_DAYS_KEPT = 400;

/** The local calendar day of `date`, as YYYY-MM-DD. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole days from day `from` to day `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Day `day` moved `days` days on. */
export function addDays(day: string, days: number): string {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The state after answering `answer` at `now`, given the state before (undefined if never reviewed). */
export function nextState(previous: ReviewState | undefined, answer: ReviewAnswer, now: Date): ReviewState {
  const today = dayOf(now);
  const lastSeen = now.toISOString();
  if (answer === 'archive') {
    const interval = previous?.interval ?? 0;
    return { lastSeen, interval, due: addDays(today, interval), archived: true };
  }
  // An archived highlight answered again starts over, as if new.
  const grown =
    previous && !previous.archived && previous.interval > 0
      ? previous.interval * GROWTH[answer]
      : FIRST_INTERVAL[answer];
  const interval = Math.min(MAX_INTERVAL_DAYS, grown);
  return { lastSeen, interval, due: addDays(today, interval), archived: false };
}

/** What the set is chosen from: one highlight, as little as the ranking needs. */
export type ReviewCandidate = { id: string; hasNote: boolean; createdAt: string; state?: ReviewState };

/** Whether a highlight is due on `today` (and not already answered today). */
export function isDue(candidate: ReviewCandidate, today: string): boolean {
  const { state } = candidate;
  if (!state) return true;
  if (state.archived) return false;
  return state.due <= today && dayOf(new Date(state.lastSeen)) !== today;
}

/** A number in [0, 1) from a string (FNV-1a, then scaled): the same seed and id always give the same. */
function jitter(seed: string, id: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}:${id}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

function rank(candidate: ReviewCandidate, today: string, seed: string): number {
  const { state } = candidate;
  const lastDay = state ? dayOf(new Date(state.lastSeen)) : dayOf(new Date(candidate.createdAt));
  const overdue = state ? Math.max(0, daysBetween(state.due, today)) : 0;
  const unseen = Math.min(MAX_AGE_DAYS, Math.max(0, daysBetween(lastDay, today)));
  return (
    overdue + unseen + (candidate.hasNote ? NOTE_BONUS_DAYS : 0) + jitter(seed, candidate.id) * JITTER_DAYS
  );
}

export type SetOptions = { now: Date; size?: number; seed?: string };

/** The ids of today's review set, best first (see the rule at the top of this file). */
export function chooseReviewSet(candidates: readonly ReviewCandidate[], options: SetOptions): string[] {
  const today = dayOf(options.now);
  const seed = options.seed ?? today;
  const size = options.size ?? DEFAULT_SET_SIZE;
  return candidates
    .filter((candidate) => isDue(candidate, today))
    .map((candidate) => ({ id: candidate.id, score: rank(candidate, today, seed) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size)
    .map((ranked) => ranked.id);
}

/** The days with at least one answer, with `today` added (sorted, only the last MAX_DAYS_KEPT kept). */
export function withDay(days: readonly string[], today: string): string[] {
  if (days.includes(today)) return [...days];
  return [...days, today].sort().slice(-MAX_DAYS_KEPT);
}

/**
 * Consecutive days with a review, ending today — or yesterday, so a streak is not shown broken in the
 * morning before today's review.
 */
export function streakOf(days: readonly string[], today: string): number {
  const set = new Set(days);
  let day = set.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (set.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}
