/**
 * A new assessment attempt prefers questions this learner has not yet seen in an assessment
 * (issue #15). Tested over many seeds: unseen questions first, reproducible from the seed alone
 * (so reports can still be checked), and uniform among equals.
 */
import { describe, expect, test } from 'vitest';
import {
	drawQuestions,
	newSeed,
	preferUnseenSeed,
	scoreAttempt,
	seenInAssessments,
} from '../../../src/core/quiz/attempt.ts';
import { bankOf, rescoreAttempt } from '../../../src/core/quiz/evidence.ts';
import { seededRandom } from '../../../src/core/quiz/shuffle.ts';
import { type Quiz, QuizSchema } from '../../../src/schemas/quiz.ts';

function poolQuiz(size: number, draw: number): Quiz {
	return QuizSchema.parse({
		id: 'pool',
		revision: 1,
		title: 'Pool',
		module: 'pool',
		draw,
		questions: Array.from({ length: size }, (_, i) => ({
			type: 'true-false',
			id: `q${i}`,
			prompt: `Statement ${i}`,
			answer: i % 2 === 0,
			ifTrue: 'x',
			ifFalse: 'y',
		})),
	});
}

const quiz = poolQuiz(24, 10);
const ids = quiz.questions.map((q) => q.id);
const random = seededRandom(20261207);
const seeds = Array.from({ length: 2000 }, () => newSeed(random));

describe('draw preference for unseen questions', () => {
	test('with at least a draw of unseen questions left, only unseen questions are drawn', () => {
		const seen = new Set(ids.slice(0, 14)); // 10 unseen left: exactly one draw's worth
		for (const s of seeds) {
			const d = drawQuestions(quiz, preferUnseenSeed(quiz, s, seen));
			expect(d.questionIds.filter((id) => seen.has(id))).toEqual([]);
		}
	});

	test('with fewer unseen than the draw, every unseen question is drawn, the rest from the seen', () => {
		const seen = new Set(ids.slice(0, 20)); // 4 unseen
		for (const s of seeds.slice(0, 500)) {
			const d = drawQuestions(quiz, preferUnseenSeed(quiz, s, seen));
			expect(d.questionIds).toHaveLength(10);
			for (const id of ids.slice(20)) expect(d.questionIds).toContain(id);
		}
	});

	test('reproducible from the seed alone, and different seeds give different draws', () => {
		const seen = new Set(ids.filter((_, i) => i % 3 === 0));
		const draws = seeds.slice(0, 200).map((s) => {
			const seed = preferUnseenSeed(quiz, s, seen);
			expect(seed.length).toBeLessThanOrEqual(30);
			expect(`${Date.now().toString(36)}-${seed}`).toMatch(/^[a-z0-9-]{1,40}$/);
			const d = drawQuestions(quiz, seed);
			expect(drawQuestions(quiz, seed)).toEqual(d);
			// Reproduced without knowing `seen`: the seed carries it.
			expect(drawQuestions(structuredClone(quiz), d.seed).questionIds).toEqual(d.questionIds);
			return d.questionIds.join();
		});
		expect(new Set(draws).size).toBeGreaterThan(150);
	});

	test('uniform among equals: each unseen question drawn about equally often', () => {
		const seen = new Set(ids.slice(0, 8)); // 16 unseen, 10 drawn: each unseen drawn with p = 10/16
		const counts = new Map<string, number>();
		for (const s of seeds) {
			for (const id of drawQuestions(quiz, preferUnseenSeed(quiz, s, seen)).questionIds)
				counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		const expected = (seeds.length * 10) / 16; // 1250
		for (const id of ids.slice(8)) {
			// Binomial sd = sqrt(2000 · 0.625 · 0.375) ≈ 21.7; allow 5 sd.
			expect(Math.abs((counts.get(id) ?? 0) - expected), id).toBeLessThan(110);
		}
		for (const id of ids.slice(0, 8)) expect(counts.get(id) ?? 0).toBe(0);
	});

	test('uniform among the seen when they fill the rest of the draw', () => {
		const seen = new Set(ids.slice(0, 20)); // 4 unseen always drawn; 6 more from 20 seen: p = 0.3
		const counts = new Map<string, number>();
		for (const s of seeds)
			for (const id of drawQuestions(quiz, preferUnseenSeed(quiz, s, seen)).questionIds)
				counts.set(id, (counts.get(id) ?? 0) + 1);
		for (const id of ids.slice(0, 20)) {
			// Expected 600, sd ≈ 20.5.
			expect(Math.abs((counts.get(id) ?? 0) - 600), id).toBeLessThan(105);
		}
	});

	test('nothing or everything seen: a plain seed and the old uniform draw', () => {
		expect(preferUnseenSeed(quiz, 'abc', new Set())).toBe('abc');
		expect(preferUnseenSeed(quiz, 'abc', new Set(ids))).toBe('abc');
		// Old seeds (no mask) draw exactly as before.
		expect(drawQuestions(quiz, 'abc')).toEqual(drawQuestions(quiz, preferUnseenSeed(quiz, 'abc', new Set())));
	});

	test('a pool too large for a mask in a stored seed falls back to a plain seed', () => {
		const big = poolQuiz(120, 10);
		expect(preferUnseenSeed(big, 'abc', new Set(['q0']))).toBe('abc');
	});

	test('a mask for another pool size is ignored (plain draw), not misread', () => {
		const seed = preferUnseenSeed(quiz, 'abc', new Set(['q0']));
		const smaller = poolQuiz(12, 10);
		expect(drawQuestions(smaller, seed).questionIds).toHaveLength(10);
	});

	test('an attempt drawn with a preference seed still verifies in a report; an edited draw does not', () => {
		const seed = preferUnseenSeed(quiz, 'k3x9', new Set(ids.slice(0, 10)));
		const { questionIds } = drawQuestions(quiz, seed);
		const s = scoreAttempt(quiz, questionIds, {});
		const attempt = {
			id: `mz1-${seed}`,
			quizId: quiz.id,
			revision: quiz.revision,
			mode: 'assessment' as const,
			seed,
			questionIds,
			answers: {},
			score: s.score,
			passed: s.passed,
			startedAt: '2026-12-07T01:00:00.000Z',
			submittedAt: '2026-12-07T01:10:00.000Z',
		};
		expect(rescoreAttempt(attempt, bankOf([quiz])).status).toBe('consistent');
		const edited = { ...attempt, questionIds: [...questionIds.slice(1), ids[0] as string] };
		expect(rescoreAttempt(edited, bankOf([quiz])).status).toBe('draw-mismatch');
	});

	test('seen questions come from assessment attempts of this quiz only', () => {
		const seen = seenInAssessments(
			[
				{ quizId: 'pool', mode: 'assessment', questionIds: ['q1', 'q2'] },
				{ quizId: 'pool', mode: 'practice', questionIds: ['q3'] },
				{ quizId: 'other', mode: 'assessment', questionIds: ['q4'] },
			],
			'pool',
		);
		expect([...seen].sort()).toEqual(['q1', 'q2']);
	});
});
