/**
 * Reading the learner's record without its schemas: what the dashboard, the quiz and the LMS report
 * compute from progress that the store (store.ts) has already parsed. No zod here, on purpose: an
 * island can import these up front and load the store, with its schemas, after it has shown the
 * page (issue #22). Tested with the rest of the record in tests/core/progress.
 */
import type { Attempt, ProgressData } from './progress.ts';

/** A record with nothing in it: what a learner has before their first visit. */
export function emptyProgress(): ProgressData {
	return { attempts: [], modules: {} };
}

export interface QuizStats {
	attempts: Attempt[];
	/** Best score over assessment attempts on any revision, or undefined if none. */
	bestScore: number | undefined;
	/** Best score over assessment attempts on the current revision. */
	bestScoreCurrent: number | undefined;
	/** When an assessment on the current revision was first passed. */
	firstPassedAt: string | undefined;
	/** Passed only on an older revision: the pass stays on record, marked as such. */
	passedOnOlderRevision: { revision: number; at: string } | undefined;
	lastAttempt: Attempt | undefined;
}

/** Everything the UI shows about one quiz, derived from the attempts. */
export function quizStats(data: ProgressData, quizId: string, currentRevision: number): QuizStats {
	const attempts = data.attempts.filter((a) => a.quizId === quizId);
	const assessed = attempts.filter((a) => a.mode === 'assessment');
	const current = assessed.filter((a) => a.revision === currentRevision);
	const max = (list: Attempt[]) => (list.length ? Math.max(...list.map((a) => a.score)) : undefined);
	const firstPass = current
		.filter((a) => a.passed)
		.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))[0];
	const olderPass = assessed
		.filter((a) => a.passed && a.revision < currentRevision)
		.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))[0];
	return {
		attempts,
		bestScore: max(assessed),
		bestScoreCurrent: max(current),
		firstPassedAt: firstPass?.submittedAt,
		passedOnOlderRevision:
			!firstPass && olderPass ? { revision: olderPass.revision, at: olderPass.submittedAt } : undefined,
		lastAttempt: attempts.at(-1),
	};
}
