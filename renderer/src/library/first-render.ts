/**
 * Cards whose own actions (three icon buttons each) are in the library's first render: more than a
 * screen holds. The others get theirs right after, so that 500 cards paint as soon as their text is laid
 * out. The library's first screen drawn before React (first-screen/library-screen.ts) keeps the same
 * places for them.
 */
export const CARDS_WITH_ACTIONS_FIRST = 40;
