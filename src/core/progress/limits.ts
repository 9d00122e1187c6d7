/**
 * Limits on the learner's record that islands need without the schemas (progress.ts, which
 * enforces them with zod, imports them from here).
 */

/** The longest learner's name accepted (LearnerNameSchema in progress.ts checks it). */
export const MAX_NAME_LENGTH = 120;
