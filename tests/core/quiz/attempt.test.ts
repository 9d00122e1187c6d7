import { describe, expect, test } from 'vitest';
import {
	drawQuestions,
	presentQuestions,
	quizFingerprint,
	scoreAttempt,
} from '../../../src/core/quiz/attempt.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validQuiz } from '../../fixtures/content.ts';

const quiz = QuizSchema.parse(validQuiz());
const pool = QuizSchema.parse({
	...validQuiz(),
	draw: 3,
});

describe('drawing questions', () => {
	test('without a pool, every question is asked once', () => {
		const d = drawQuestions(quiz, 'seed');
		expect([...d.questionIds].sort()).toEqual(quiz.questions.map((q) => q.id).sort());
	});
	test('a pool draws N of M, the same for the same seed, different for other seeds', () => {
		const a = drawQuestions(pool, 's1');
		expect(a.questionIds).toHaveLength(3);
		expect(new Set(a.questionIds).size).toBe(3);
		expect(drawQuestions(pool, 's1')).toEqual(a);
		const draws = new Set(
			Array.from({ length: 30 }, (_, i) => drawQuestions(pool, `x${i}`).questionIds.join()),
		);
		expect(draws.size).toBeGreaterThan(5);
	});
	test('presented questions follow the draw and are arranged by the seed', () => {
		const d = drawQuestions(pool, 'abc');
		const shown = presentQuestions(pool, d);
		expect(shown.map((q) => q.id)).toEqual(d.questionIds);
		expect(presentQuestions(pool, d)).toEqual(shown);
	});
	test('a draw naming a question that no longer exists skips it', () => {
		expect(presentQuestions(quiz, { seed: 'x', questionIds: ['gone', 'q-tf'] }).map((q) => q.id)).toEqual([
			'q-tf',
		]);
	});
});

describe('scoring an attempt', () => {
	const ids = quiz.questions.map((q) => q.id);
	const perfect = {
		'q-single': { choice: 'a' },
		'q-multiple': { choices: ['a', 'b'] },
		'q-tf': { value: true },
		'q-order': { order: ['a', 'b', 'c'] },
		'q-spot': { lines: [2] },
	};
	test('all right: score 1, passed', () => {
		expect(scoreAttempt(quiz, ids, perfect)).toMatchObject({
			score: 1,
			passed: true,
			correctCount: 5,
			answeredCount: 5,
		});
	});
	test('exactly at the pass mark passes (4 of 5 at 0.8)', () => {
		const r = scoreAttempt(quiz, ids, { ...perfect, 'q-tf': { value: false } });
		expect(r.score).toBe(0.8);
		expect(r.passed).toBe(true);
	});
	test('one point below fails', () => {
		const r = scoreAttempt({ ...quiz, passMark: 0.81 }, ids, { ...perfect, 'q-tf': { value: false } });
		expect(r.passed).toBe(false);
	});
	test('partial credit counts toward the score', () => {
		const r = scoreAttempt(quiz, ids, { ...perfect, 'q-multiple': { choices: ['a'] } });
		expect(r.score).toBe(0.9);
		expect(r.correctCount).toBe(4);
	});
	test('blank attempt scores 0; an empty draw never passes', () => {
		expect(scoreAttempt(quiz, ids, {})).toMatchObject({ score: 0, passed: false, answeredCount: 0 });
		expect(scoreAttempt({ ...quiz, passMark: 0.5 }, [], {}).passed).toBe(false);
	});
	test('only the drawn questions count', () => {
		expect(scoreAttempt(quiz, ['q-tf'], { 'q-tf': { value: true } }).score).toBe(1);
	});
	test('answers with hostile keys are ignored', () => {
		const answers = JSON.parse('{"__proto__": {"q-tf": {"value": true}}, "constructor": 1}');
		expect(scoreAttempt(quiz, ['q-tf'], answers).score).toBe(0);
	});
});

test('the quiz fingerprint changes when content changes', () => {
	const other = QuizSchema.parse({ ...validQuiz(), title: 'x' });
	expect(quizFingerprint(quiz)).toBe(quizFingerprint(other));
	const edited = structuredClone(quiz);
	(edited.questions[0] as { prompt: string }).prompt = 'Changed';
	expect(quizFingerprint(edited)).not.toBe(quizFingerprint(quiz));
});
