import { screen, type BrowserWindow } from 'electron';
import type { WindowBounds } from '../api/settings';
import { fitBounds } from './window-bounds';

/** Saved bounds fitted to the displays connected now (see fitBounds). */
export function initialBounds(saved: WindowBounds | null): Partial<WindowBounds> {
  return fitBounds(
    saved,
    screen.getAllDisplays().map(({ workArea }) => workArea),
    screen.getPrimaryDisplay().workArea,
  );
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
