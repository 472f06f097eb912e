import { describe, expect, it } from 'vitest';
import { syncTime } from './sync-time';

describe('sync time', () => {
  it('gives date and time in the interface language', () => {
    const iso = '2026-03-05T14:07:00.000Z';
    const en = syncTime(iso, 'en');
    expect(en).toMatch(/2026/);
    expect(en).toMatch(/Mar/);
    // Arabic marks the time with its own words (ص / م) and orders the parts its own way.
    const ar = syncTime(iso, 'ar');
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    expect(ar).not.toBe(en);
  });

  it('shows nothing for a time that cannot be read', () => {
    expect(syncTime('yesterday', 'en')).toBe('');
  });
});
