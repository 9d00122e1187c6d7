/**
 * What the quiz needs from the learner's record, loaded by the quiz island with a dynamic
 * `import()` once it has hydrated (issue #22): the progress store parses and validates stored
 * progress with the zod schemas, which are most of its weight, so none of it is in the JavaScript
 * a module page loads up front. The quiz needs it to record the visit, show past attempts and
 * record an attempt.
 */
export { quizStats } from '../../core/progress/stats.ts';
export { getProgressStore, requestPersistence } from '../adapters/progress-client.ts';
