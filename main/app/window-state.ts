import { screen, type BrowserWindow } from 'electron';
import type { WindowBounds } from '../api/settings';

const DEFAULT_SIZE = { width: 1100, height: 800 };

/** Saved bounds if they are still on a connected display; otherwise a default size, centred. */
export function initialBounds(saved: WindowBounds | null): Partial<WindowBounds> {
  if (!saved) return { ...DEFAULT_SIZE };
  const visible = screen.getAllDisplays().some(({ workArea }) => {
    const overlapX =
      Math.min(saved.x + saved.width, workArea.x + workArea.width) - Math.max(saved.x, workArea.x);
    const overlapY =
      Math.min(saved.y + saved.height, workArea.y + workArea.height) - Math.max(saved.y, workArea.y);
    return overlapX >= 100 && overlapY >= 100;
  });
  return visible ? saved : { width: saved.width, height: saved.height };
}

/** Calls `save` with the window's normal (unmaximised) bounds after it stops moving, and when it closes. */
export function trackBounds(window: BrowserWindow, save: (bounds: WindowBounds) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowBounds => ({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save(current()), 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save(current());
  });
}
