// Below these widths the panels start closed, leaving the text its room. Shared by the interface and the
// first screen drawn before it (docs/ARCHITECTURE.md, "Opening fast"), which must open the same panels.
// Below DRAWERS_BELOW_PX the panels are drawers, opened one at a time; up to CONTENTS_MIN_WIDTH the room
// beside the column goes to margin notes.
/**
 * Below this window width the reader's side panels (contents, notes) are drawers over the text rather than
 * columns beside it: two columns of panel would leave the text a few words a line.
 */
export const DRAWERS_BELOW_PX = 1024;
const NOTES_MIN_WIDTH = DRAWERS_BELOW_PX;
const CONTENTS_MIN_WIDTH = 1440;

/** Whether the notes panel starts open in a window `width` pixels wide. */
export const notesOpenAt = (width: number) => width >= NOTES_MIN_WIDTH;

/** Whether the contents panel starts open in a window `width` pixels wide. */
export const contentsOpenAt = (width: number) => width >= CONTENTS_MIN_WIDTH;
