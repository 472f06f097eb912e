/**
 * Error messages name what the user typed (an id, a file, an option), and a message that echoes a 100 KB
 * argument in full buries itself. Every argument longer than this is cut wherever a message repeats it.
 */
export const MAX_ECHO = 80;

/** `text` cut to MAX_ECHO characters, with `…` where it was cut. */
export function clip(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}…`;
}

/** `message` with each long argument of `argv` (and of `--option=value` forms) cut where it appears. */
export function clipEchoes(message: string, argv: readonly string[]): string {
  const long = argv
    .flatMap((arg) => [arg, arg.replace(/^-+/, '')])
    .filter((arg) => arg.length > MAX_ECHO)
    .sort((a, b) => b.length - a.length);
  let out = message;
  for (const arg of long) if (out.includes(arg)) out = out.split(arg).join(clip(arg));
  return out;
}
