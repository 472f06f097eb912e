import { afterEach, expect, it, vi } from 'vitest';
import { autoSync } from './auto-sync';

afterEach(() => {
  vi.useRealTimers();
});

function fakeService(auto: boolean, includeSettings = false) {
  const calls: string[] = [];
  return {
    calls,
    service: {
      syncSettings: async () => ({
        url: 'http://127.0.0.1:5984/lib',
        username: null,
        hasPassword: false,
        encrypted: false,
        auto,
        includeSettings,
      }),
      syncNow: async () => {
        calls.push('sync');
        return { sent: 0, received: 0, conflicts: [], at: '' };
      },
    },
  };
}

const track = <T>(work: Promise<T>) => work;

it('syncs once at start and once a while after a burst of changes, when turned on', async () => {
  vi.useFakeTimers();
  const { calls, service } = fakeService(true);
  const auto = autoSync(service, track, 1000);
  auto.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(calls).toEqual(['sync']);
  auto.called('createHighlight');
  await vi.advanceTimersByTimeAsync(500);
  auto.called('updateHighlight');
  auto.called('listArticles');
  await vi.advanceTimersByTimeAsync(900);
  expect(calls).toEqual(['sync']);
  await vi.advanceTimersByTimeAsync(200);
  expect(calls).toEqual(['sync', 'sync']);
  auto.stop();
});

it('does nothing when automatic sync is off, and a read never starts one', async () => {
  vi.useFakeTimers();
  const { calls, service } = fakeService(false);
  const auto = autoSync(service, track, 1000);
  auto.start();
  auto.called('createHighlight');
  await vi.advanceTimersByTimeAsync(5000);
  expect(calls).toEqual([]);
});

it('syncs a while after a settings change when the settings travel too', async () => {
  vi.useFakeTimers();
  const { calls, service } = fakeService(true, true);
  const auto = autoSync(service, track, 1000);
  auto.called('setSettings');
  await vi.advanceTimersByTimeAsync(1100);
  expect(calls).toEqual(['sync']);
  auto.stop();
});

it('leaves a settings change alone when only the library travels, but not a change made with it', async () => {
  vi.useFakeTimers();
  const { calls, service } = fakeService(true, false);
  const auto = autoSync(service, track, 1000);
  auto.called('setSettings');
  await vi.advanceTimersByTimeAsync(5000);
  expect(calls).toEqual([]);
  auto.called('setSettings');
  auto.called('createHighlight');
  auto.called('setSettings');
  await vi.advanceTimersByTimeAsync(1100);
  expect(calls).toEqual(['sync']);
  auto.stop();
});
