// Below these widths the panels start closed, leaving the text its room. Shared by the interface and the
// first screen drawn before it (docs/ARCHITECTURE.md, "Opening fast"), which must open the same panels.
const NOTES_MIN_WIDTH = 900;
const CONTENTS_MIN_WIDTH = 1280;

/** Whether the notes panel starts open in a window `width` pixels wide. */
export const notesOpenAt = (width: number) => width >= NOTES_MIN_WIDTH;

/** Whether the contents panel starts open in a window `width` pixels wide. */
export const contentsOpenAt = (width: number) => width >= CONTENTS_MIN_WIDTH;
