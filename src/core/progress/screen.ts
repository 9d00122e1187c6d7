/**
 * Screening attempts before they enter the learner's record (an import, a recovered set-aside
 * copy): every attempt is marked again from its answers against the published quiz bank, with the
 * same re-scoring the verify page uses (quiz/evidence.ts, rescoreAttempt). An attempt whose stored
 * score or result disagrees with its answers, whose questions are not the ones its seed draws, or
 * whose dates are impossible is left out, and the learner is told which and why. Attempts that
 * cannot be marked again (a quiz or revision this site no longer publishes) are kept: they never
 * count towards a module or a certificate on the current revision.
 */
import { type AttemptCheck, type QuizBank, rescoreAttempt } from '../quiz/evidence.ts';
import type { ProgressData } from './progress.ts';

export interface Screened {
	/** The data with refused attempts removed. */
	data: ProgressData;
	/** Attempts left out: their answers do not give what they record. */
	refused: AttemptCheck[];
	/** Attempts kept without a check (quiz or revision not published here). */
	unchecked: AttemptCheck[];
}

const REFUSED: readonly AttemptCheck['status'][] = ['score-mismatch', 'draw-mismatch', 'bad-dates'];

export function screenAttempts(data: ProgressData, bank: QuizBank): Screened {
	const checks = data.attempts.map((a) => rescoreAttempt(a, bank));
	const refused = checks.filter((c) => REFUSED.includes(c.status));
	const unchecked = checks.filter((c) => c.status === 'unknown-quiz' || c.status === 'expired-revision');
	const out = new Set(refused.map((c) => c.attemptId));
	return { data: { ...data, attempts: data.attempts.filter((a) => !out.has(a.id)) }, refused, unchecked };
}

export { refusalText } from './messages.ts';
