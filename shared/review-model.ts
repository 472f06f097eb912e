/** The daily review's answers and the state kept per reviewed highlight (the schedule is main/review). */

export const REVIEW_ANSWERS = ['keep', 'less', 'archive'] as const;
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number];

/** What the store keeps per highlight once it has been reviewed. */
export type ReviewState = {
  /** ISO time of the last answer. */
  lastSeen: string;
  /** Days between the last answer and the next time it is due. */
  interval: number;
  /** Local calendar day (YYYY-MM-DD) from which it is due again. */
  due: string;
  archived: boolean;
};
