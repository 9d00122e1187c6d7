/** Item statistics on constructed data, with every number worked out by hand in the comments. */
import { describe, expect, test } from 'vitest';
import type { Attempt } from '../../../src/core/progress/progress.ts';
import { bankOf } from '../../../src/core/quiz/evidence.ts';
import { itemStats, type LearnerAttempts, pearson } from '../../../src/core/quiz/item-stats.ts';
import { type Quiz, QuizSchema } from '../../../src/schemas/quiz.ts';

function quizOf(ids: string[]): Quiz {
	return QuizSchema.parse({
		id: 'stats',
		revision: 1,
		title: 'Stats',
		module: 'stats',
		questions: ids.map((id) => ({
			type: 'true-false',
			id,
			prompt: `Statement ${id}`,
			answer: true,
			ifTrue: 'x',
			ifFalse: 'y',
		})),
	});
}

let n = 0;
/** An attempt where `right` lists 1 (answered true: right) or 0 (answered false: wrong) per question. */
function attempt(ids: string[], right: number[], extra: Partial<Attempt> = {}): Attempt {
	n++;
	return {
		id: `a${n}`,
		quizId: 'stats',
		revision: 1,
		mode: 'assessment',
		seed: 's',
		questionIds: ids,
		answers: Object.fromEntries(ids.map((id, i) => [id, { value: right[i] === 1 }])),
		score: 0,
		passed: false,
		startedAt: `2026-01-01T00:00:0${n % 10}Z`,
		submittedAt: `2026-01-01T00:10:0${n % 10}Z`,
		...extra,
	};
}

const learners = (ids: string[], rows: number[][]): LearnerAttempts[] =>
	rows.map((r, i) => ({ learner: `L${i + 1}`, attempts: [attempt(ids, r)] }));

describe('pearson', () => {
	test('by hand', () => {
		expect(pearson([1, 0], [2, 0])).toBeCloseTo(1, 12);
		expect(pearson([1, 1, 0], [0, 0, 3])).toBeCloseTo(-1, 12);
		expect(pearson([1, 1], [3, 4])).toBeUndefined();
	});
});

describe('item statistics', () => {
	test('difficulty, discrimination and the everyone-right / everyone-wrong flags', () => {
		// Items a (everyone right), b, c, z (everyone wrong); five learners:
		//        a b c z   rest for b = a+c+z   rest for c = a+b+z
		//   L1   1 1 1 0        2                    2
		//   L2   1 1 1 0        2                    2
		//   L3   1 0 0 0        1                    1
		//   L4   1 0 1 0        2                    1
		//   L5   1 1 0 0        1                    2
		// b: p = 3/5 = 0.6. x − 0.6 = (.4, .4, −.6, −.6, .4), rest − 1.6 = (.4, .4, −.6, .4, −.6):
		//    Σxy = .16 + .16 + .36 − .24 − .24 = 0.2; Σx² = 1.2; Σy² = 1.2 → r = 0.2 / 1.2 = 1/6.
		// c: p = 0.6 and, by the same sums, r = 1/6.
		const ids = ['a', 'b', 'c', 'z'];
		const quiz = quizOf(ids);
		const stats = itemStats(
			learners(ids, [
				[1, 1, 1, 0],
				[1, 1, 1, 0],
				[1, 0, 0, 0],
				[1, 0, 1, 0],
				[1, 1, 0, 0],
			]),
			bankOf([quiz]),
		);
		const by = new Map(stats.map((s) => [s.questionId, s]));
		expect(by.get('a')).toMatchObject({
			n: 5,
			difficulty: 1,
			discrimination: undefined,
			flags: ['everyone-right'],
		});
		expect(by.get('z')).toMatchObject({
			n: 5,
			difficulty: 0,
			discrimination: undefined,
			flags: ['everyone-wrong'],
		});
		expect(by.get('b')?.difficulty).toBeCloseTo(0.6, 12);
		expect(by.get('b')?.discrimination).toBeCloseTo(1 / 6, 12);
		expect(by.get('c')?.discrimination).toBeCloseTo(1 / 6, 12);
		expect(by.get('b')?.flags).toEqual([]);
	});

	test('negative discrimination: the stronger learners miss it', () => {
		// Items a (everyone right), b, c; five learners:
		//        a b c   rest for b = a+c
		//   L1   1 1 0        1
		//   L2   1 1 0        1
		//   L3   1 0 1        2
		//   L4   1 0 1        2
		//   L5   1 1 0        1
		// b: p = 0.6; x − .6 = (.4, .4, −.6, −.6, .4), rest − 1.4 = (−.4, −.4, .6, .6, −.4):
		//    Σxy = −1.2, Σx² = Σy² = 1.2 → r = −1. With 5 responses it is flagged.
		const ids = ['a', 'b', 'c'];
		const stats = itemStats(
			learners(ids, [
				[1, 1, 0],
				[1, 1, 0],
				[1, 0, 1],
				[1, 0, 1],
				[1, 1, 0],
			]),
			bankOf([quizOf(ids)]),
		);
		const b = stats.find((s) => s.questionId === 'b');
		expect(b?.discrimination).toBeCloseTo(-1, 12);
		expect(b?.flags).toEqual(['negative-discrimination']);
		// c is b's mirror: p = 0.4, r = −1.
		expect(stats.find((s) => s.questionId === 'c')?.difficulty).toBeCloseTo(0.4, 12);
	});

	test('fewer than five responses: a negative correlation is not flagged; fewer than three: nothing is', () => {
		const ids = ['a', 'b', 'c'];
		const four = itemStats(
			learners(ids, [
				[1, 1, 0],
				[1, 1, 0],
				[1, 0, 1],
				[1, 0, 1],
			]),
			bankOf([quizOf(ids)]),
		);
		expect(four.find((s) => s.questionId === 'b')?.discrimination).toBeCloseTo(-1, 12);
		expect(four.find((s) => s.questionId === 'b')?.flags).toEqual([]);
		const two = itemStats(
			learners(ids, [
				[1, 1, 1],
				[1, 0, 1],
			]),
			bankOf([quizOf(ids)]),
		);
		expect(two.every((s) => s.flags.length === 0)).toBe(true);
	});

	test('only each learner’s first assessment counts; practice and unknown revisions are ignored', () => {
		const ids = ['a', 'b'];
		const quiz = quizOf(ids);
		const first = attempt(ids, [0, 0], { submittedAt: '2026-01-01T00:00:00Z' });
		const later = attempt(ids, [1, 1], { submittedAt: '2026-02-01T00:00:00Z' });
		const practice = attempt(ids, [1, 1], { mode: 'practice', submittedAt: '2025-12-01T00:00:00Z' });
		const other = attempt(ids, [1, 1], { revision: 9 });
		const stats = itemStats([{ learner: 'L', attempts: [later, practice, first, other] }], bankOf([quiz]));
		expect(stats.map((s) => [s.questionId, s.n, s.difficulty])).toEqual([
			['a', 1, 0],
			['b', 1, 0],
		]);
	});

	test('drawn pools: an item counts only the learners who were asked it', () => {
		const ids = ['a', 'b', 'c'];
		const quiz = quizOf(ids);
		const stats = itemStats(
			[
				{ learner: 'L1', attempts: [attempt(['a', 'b'], [1, 0])] },
				{ learner: 'L2', attempts: [attempt(['b', 'c'], [1, 1])] },
			],
			bankOf([quiz]),
		);
		expect(stats.map((s) => [s.questionId, s.n, s.difficulty])).toEqual([
			['a', 1, 1],
			['b', 2, 0.5],
			['c', 1, 1],
		]);
	});
});
