/** The assessment feedback rule and where a missed question sends the learner. */
import { describe, expect, test } from 'vitest';
import { scoreAttempt } from '../../../src/core/quiz/attempt.ts';
import { missedQuestions, provisionSections, reviewLevel } from '../../../src/core/quiz/feedback.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validQuiz } from '../../fixtures/content.ts';

describe('feedback rule', () => {
	test('withheld only after an assessment that did not pass', () => {
		expect(reviewLevel('assessment', false)).toBe('withheld');
		expect(reviewLevel('assessment', true)).toBe('full');
		expect(reviewLevel('practice', false)).toBe('full');
		expect(reviewLevel('practice', true)).toBe('full');
	});
});

describe('provision sections', () => {
	const body = [
		'Intro text with <Provision id="1.1" />.',
		'## The threat',
		'Text citing <Provision id="2.2" /> and <Provision id="9.1"/>.',
		'### Why `AI` makes it **different**',
		'Here <Provision id=\'2.2\' /> again and <Provision id="6.1" />.',
		'## Defences',
		'<Provision id="9.1" />',
	].join('\n');
	const headings = [
		{ depth: 2, slug: 'the-threat', text: 'The threat' },
		{ depth: 3, slug: 'why-ai-makes-it-different', text: 'Why AI makes it different' },
		{ depth: 2, slug: 'defences', text: 'Defences' },
	];
	test('maps each provision to the section where it is first cited', () => {
		expect(provisionSections(body, headings)).toEqual({
			'2.2': { slug: 'the-threat', text: 'The threat' },
			'9.1': { slug: 'the-threat', text: 'The threat' },
			'6.1': { slug: 'why-ai-makes-it-different', text: 'Why AI makes it different' },
		});
	});
	test('a citation before any heading has no section', () => {
		expect(Object.hasOwn(provisionSections(body, headings), '1.1')).toBe(false);
	});
});

describe('missed questions', () => {
	test('lists questions without full credit, in order, with their provisions and no answers', () => {
		const quiz = QuizSchema.parse(validQuiz());
		const ids = quiz.questions.map((q) => q.id);
		const single = quiz.questions[0];
		if (single?.type !== 'single') throw new Error('fixture');
		const key = single.options.find((o) => o.correct)?.id as string;
		const r = scoreAttempt(quiz, ids, { [single.id]: { choice: key } });
		const missed = missedQuestions(quiz.questions, r.results);
		expect(missed.map((m) => m.questionId)).toEqual(ids.slice(1));
		expect(missed[0]).toMatchObject({ number: 2, credit: 0 });
		expect(Object.keys(missed[0] ?? {}).sort()).toEqual([
			'credit',
			'number',
			'prompt',
			'provisions',
			'questionId',
		]);
	});
});
