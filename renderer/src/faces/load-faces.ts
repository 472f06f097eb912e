/**
 * Loads `family`'s regular and bold faces (the first family of a CSS font stack) through the page's font
 * faces (faces.css); settles once both are in, or failed. A face the page's first script preloaded is
 * taken from that preload.
 */
export function loadFaces(family: string): Promise<unknown> {
  return Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 1em ${family}`))).catch(
    () => undefined,
  );
}

/** `loadFaces`, settled at most `limitMs` on, whether or not the faces are in by then. */
export function loadFacesWithin(family: string, limitMs: number): Promise<unknown> {
  return Promise.race([loadFaces(family), new Promise((resolve) => setTimeout(resolve, limitMs))]);
}

/** The interface's font stack, as the stylesheet names it (`--ui-font`, styles.css). */
export function interfaceFont(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--ui-font');
}
