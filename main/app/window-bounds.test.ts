import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitBounds, type Area } from './window-bounds';

const laptop: Area = { x: 0, y: 0, width: 1366, height: 728 };
const wide: Area = { x: 1366, y: 0, width: 2560, height: 1400 };
const leftOfPrimary: Area = { x: -1920, y: 0, width: 1920, height: 1040 };

const saved = (x: number, y: number, width: number, height: number) => ({
  x,
  y,
  width,
  height,
  maximized: false,
});

describe('fitBounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(fitBounds(null, [wide], wide)).toEqual(DEFAULT_SIZE);
  });

  it('keeps the default size within a small screen', () => {
    expect(
      fitBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }], { x: 0, y: 0, width: 1024, height: 600 }),
    ).toEqual({
      width: 1024,
      height: 600,
    });
  });

  it('keeps bounds that fit on their display', () => {
    expect(fitBounds(saved(100, 50, 900, 600), [laptop], laptop)).toEqual({
      x: 100,
      y: 50,
      width: 900,
      height: 600,
    });
  });

  it('shrinks a window saved on a larger display to the work area, and moves it inside', () => {
    expect(fitBounds(saved(20, 10, 2400, 1300), [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
  });

  it('moves a window hanging off the edge back inside', () => {
    expect(fitBounds(saved(1000, 500, 800, 600), [laptop], laptop)).toEqual({
      x: 566,
      y: 128,
      width: 800,
      height: 600,
    });
  });

  it('uses the display showing most of the window', () => {
    expect(fitBounds(saved(1200, 100, 1500, 900), [laptop, wide], laptop)).toEqual({
      x: 1366,
      y: 100,
      width: 1500,
      height: 900,
    });
  });

  it('works with displays at negative coordinates', () => {
    expect(fitBounds(saved(-1800, 100, 1000, 700), [laptop, leftOfPrimary], laptop)).toEqual({
      x: -1800,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('keeps only the size, fitted to the primary display, when the window was on a display now gone', () => {
    expect(fitBounds(saved(4000, 200, 1600, 1000), [laptop], laptop)).toEqual({ width: 1366, height: 728 });
  });

  it('does not count a sliver under 100 px as shown', () => {
    expect(fitBounds(saved(1300, 0, 800, 600), [laptop], laptop)).toEqual({ width: 800, height: 600 });
  });
});
