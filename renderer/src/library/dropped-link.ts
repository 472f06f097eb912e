/**
 * A link dropped on the window outside the library (on the reader, say) is handed to the library, which
 * saves it with its progress and Esc to cancel: one place saves links, wherever they are dropped.
 */
let handedOver: string | null = null;

/** The address a drop carries: the first line of text/uri-list that is not a comment, if any. */
export function linkOfDrop(data: DataTransfer): string | null {
  const link = data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.startsWith('#'));
  return link?.trim() ?? null;
}

/** Keeps `link` for the library to save when it next opens. */
export function handOverLink(link: string): void {
  handedOver = link;
}

/** The link handed over, once. */
export function takeHandedOverLink(): string | null {
  const link = handedOver;
  handedOver = null;
  return link;
}
