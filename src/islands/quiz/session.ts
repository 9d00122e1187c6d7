/**
 * What the quiz needs once an attempt starts (or a past one is opened for review), loaded by the
 * quiz island with a dynamic `import()` when the learner presses Start, or earlier when they
 * point at or focus the start controls (issue #22): drawing and arranging the questions, the
 * question kinds' views, checking and scoring answers (with the answer schemas), and the review.
 * None of it is in the JavaScript a module page loads up front.
 */
export {
	drawQuestions,
	newSeed,
	preferUnseenSeed,
	presentQuestions,
	scoreAttempt,
	seenInAssessments,
} from '../../core/quiz/attempt.ts';
export { isAnswered, scoreQuestion } from '../../core/quiz/kinds/index.ts';
export { QuestionView } from '../kinds/index.tsx';
export { Review } from '../Review.tsx';
export { WithheldReview } from '../WithheldReview.tsx';
