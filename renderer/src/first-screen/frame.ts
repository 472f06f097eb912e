/**
 * The pieces the first screens drawn before React share (first-screen.ts for an article,
 * library-screen.ts for the library): elements, controls kept blank, and the app's frame around a page.
 * See docs/ARCHITECTURE.md, "Opening fast".
 */

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  // No text node for an empty string, as React makes none.
  made.append(...children.filter((child) => child !== ''));
  return made;
}

/** A control whose label comes with the interface: drawn invisible, to take the room it will take. */
export function blank(tag: 'span' | 'button', className: string): HTMLElement {
  return element(tag, `${className} first-screen-blank`, line());
}

/**
 * A line of the interface's text with no text in it, as tall as one (first-screen.css): a blank control
 * holding a character would have the interface's face fetched and laid out in the first screen, which
 * draws no word in it (docs/ARCHITECTURE.md, "Opening fast").
 */
function line(): HTMLElement {
  return element('span', 'first-screen-line');
}

/**
 * An icon's place: an empty `size`-pixel SVG with the classes lucide gives its icons, for a blank control
 * to be as wide as the one it stands for (its drawing comes with the interface).
 */
export function iconPlace(size: number, className = ''): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('class', `lucide ${className}`.trim());
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}

/**
 * The app around `page` as `App` lays it out: the top bar, its controls drawn by React (a blank brand
 * and a blank labelled button, each a line high, keep its height), and the content. The label is a
 * `topbar-label`, as the app's are, so a narrow window hides it as it hides theirs (their buttons are
 * icons only there, and the bar lower). Marked as a first screen, busy until the interface replaces it.
 */
export function drawFrame(page: HTMLElement): HTMLElement {
  const label = element('span', 'topbar-label', line());
  const app = element(
    'div',
    'app',
    element(
      'header',
      'topbar',
      blank('span', 'brand'),
      element('nav', 'topbar-nav', element('button', 'icon-button first-screen-blank', label)),
    ),
    element('main', 'content', page),
  );
  app.dataset.firstScreen = '';
  app.setAttribute('aria-busy', 'true');
  return app;
}
