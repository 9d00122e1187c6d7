/**
 * The no-JavaScript quiz renders through the static registry: every registered question kind
 * has a static view, and each view renders its question (so a new kind cannot render nothing).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import StaticQuestion from '../../../src/components/StaticQuestion.astro';
import { KIND_LABELS, staticViews } from '../../../src/components/static-kinds/index.ts';
import { questionKinds } from '../../../src/core/quiz/kinds/index.ts';
import { QUESTION_TYPES, type Question, QuestionSchema } from '../../../src/schemas/quiz.ts';
import { validQuiz } from '../../fixtures/content.ts';
import { chooseTheFixRaw, reviewTheChangeRaw } from '../../fixtures/new-kinds.ts';

const examples: Question[] = [
	...validQuiz().questions.map((q) => QuestionSchema.parse(q)),
	QuestionSchema.parse(chooseTheFixRaw()),
	QuestionSchema.parse(reviewTheChangeRaw()),
	QuestionSchema.parse({
		type: 'scenario',
		id: 'sc',
		prompt: 'About the scenario',
		scenario: 'A team ships a chatbot.',
		parts: [validQuiz().questions[0], validQuiz().questions[2]],
	}),
];

describe('static question views', () => {
	it('every registered kind has a static view and a label', () => {
		const kinds = Object.keys(questionKinds).sort();
		expect(kinds).toEqual([...QUESTION_TYPES].sort());
		expect(Object.keys(staticViews).sort()).toEqual(kinds);
		expect(Object.keys(KIND_LABELS).sort()).toEqual(kinds);
		for (const k of kinds) expect(typeof staticViews[k as keyof typeof staticViews], k).toBe('function');
	});

	it('the examples cover every kind', () => {
		expect(new Set(examples.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});

	it.each(examples.map((q) => [q.type, q] as const))(
		'renders %s with its prompt and an answer',
		async (_t, q) => {
			const container = await AstroContainer.create();
			const html = await container.renderToString(StaticQuestion, {
				props: { question: q, seed: 'static-test', number: 1 },
			});
			expect(html).toContain('class="prompt"');
			// The view itself added content beyond the prompt: an answer disclosure (or a scenario's parts).
			expect(html).toMatch(q.type === 'scenario' ? /class="parts"/ : /Show the answer for question 1/);
		},
	);

	it('renders diffs with a sign column and words, not colour alone', async () => {
		const container = await AstroContainer.create();
		const html = await container.renderToString(StaticQuestion, {
			props: { question: QuestionSchema.parse(reviewTheChangeRaw()), seed: 's', number: 2 },
		});
		expect(html).toContain('Line 3, removed: ');
		expect(html).toContain('Line 4, added: ');
		expect(html).toMatch(/class="diff-sign"[^>]*>\+</);
	});
});
