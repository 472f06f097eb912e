import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFirstRenderCount } from './use-first-render-count';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Count({ total, first }: { total: number; first: number }) {
  return <output>{useFirstRenderCount(total, first)}</output>;
}

describe('useFirstRenderCount', () => {
  it('renders the first items at once and all of them right after', async () => {
    vi.useFakeTimers();
    const { container, rerender } = render(<Count total={500} first={40} />);
    expect(container.textContent).toBe('40');
    await act(() => vi.runAllTimersAsync());
    expect(container.textContent).toBe('500');
    // A list that grows later is rendered whole too.
    rerender(<Count total={501} first={40} />);
    await act(() => vi.runAllTimersAsync());
    expect(container.textContent).toBe('501');
  });

  it('renders a short list whole from the start', () => {
    const { container } = render(<Count total={3} first={40} />);
    expect(container.textContent).toBe('3');
  });
});
