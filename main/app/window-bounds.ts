import type { WindowBounds } from '../api/settings';

/** A display's usable area (without task bars and docks), as Electron's `screen` gives it. */
export type Area = { x: number; y: number; width: number; height: number };

export const DEFAULT_SIZE = { width: 1100, height: 800 };

// A window counts as on a display when at least this much of it is there (enough to grab and move it).
const MIN_VISIBLE = 100;

function overlap(bounds: Area, area: Area): number {
  const x = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const y = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return x >= MIN_VISIBLE && y >= MIN_VISIBLE ? x * y : 0;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Where to open the window: the saved bounds fitted into the display they are on — no larger than its work
 * area, and moved inside it (a window saved on a larger or since-rearranged screen would otherwise open with
 * its title bar or edges out of reach). When no display shows enough of it, only the size is kept (fitted to
 * the primary display) and the window is centred. No saved bounds: the default size, centred.
 */
export function fitBounds(
  saved: WindowBounds | null,
  workAreas: readonly Area[],
  primary: Area,
): Partial<WindowBounds> {
  if (!saved)
    return {
      width: Math.min(DEFAULT_SIZE.width, primary.width),
      height: Math.min(DEFAULT_SIZE.height, primary.height),
    };
  const best = workAreas
    .map((area) => ({ area, shown: overlap(saved, area) }))
    .filter(({ shown }) => shown > 0)
    .sort((a, b) => b.shown - a.shown)[0]?.area;
  const area = best ?? primary;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  if (!best) return { width, height };
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}
