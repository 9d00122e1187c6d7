/**
 * Answers recorded on an earlier revision of a quiz stay markable: with the archive in the bank an
 * honest old attempt re-scores as consistent (and a forged one is still caught); without it the
 * same attempt could only be reported as "no longer published".
 */
import { describe, expect, test } from 'vitest';
import type { Attempt } from '../../../src/core/progress/progress.ts';
import { drawQuestions, scoreAttempt } from '../../../src/core/quiz/attempt.ts';
import { bankOf, rescoreAttempt } from '../../../src/core/quiz/evidence.ts';
import { loadContent } from '../../../src/lib/content-files.ts';
import { correctAnswer } from '../../fixtures/answers.ts';

const { catalog, quizArchive } = loadContent(new URL('../../..', import.meta.url).pathname);
const live = catalog.quizzes.find((q) => q.data.id === 'p01-awareness')?.data;
const old = quizArchive.find((q) => q.data.id === 'p01-awareness' && q.data.revision === 1)?.data;

function oldAttempt(): Attempt {
	if (!old) throw new Error('quizzes/archive/p01-awareness/r1.yaml is missing');
	const seed = 'archived-1';
	const { questionIds } = drawQuestions(old, seed);
	const answers = Object.fromEntries(
		questionIds.map((id) => {
			const q = old.questions.find((x) => x.id === id);
			if (!q) throw new Error(id);
			return [id, correctAnswer(q)];
		}),
	);
	const { score, passed } = scoreAttempt(old, questionIds, answers);
	return {
		id: 'archived-attempt-1',
		quizId: old.id,
		revision: 1,
		mode: 'assessment',
		seed,
		questionIds,
		answers,
		score,
		passed,
		startedAt: '2026-11-01T10:00:00.000Z',
		submittedAt: '2026-11-01T10:20:00.000Z',
	};
}

describe('attempts on an archived revision', () => {
	test('the live quiz has moved on from revision 1', () => {
		expect(live?.revision).toBeGreaterThan(1);
	});

	test('re-score as consistent when the bank holds the archive', () => {
		if (!live || !old) throw new Error('fixture');
		const check = rescoreAttempt(oldAttempt(), bankOf([live, old]));
		expect(check.status).toBe('consistent');
		expect(check.passed).toBe(true);
	});

	test('an edited score on an archived revision is still caught', () => {
		if (!live || !old) throw new Error('fixture');
		const forged = { ...oldAttempt(), score: 1, passed: true, answers: {} };
		expect(rescoreAttempt(forged, bankOf([live, old])).status).toBe('score-mismatch');
	});

	test('without the archive the same attempt cannot be marked again', () => {
		if (!live) throw new Error('fixture');
		expect(rescoreAttempt(oldAttempt(), bankOf([live])).status).toBe('expired-revision');
	});
});
