/** The question examples in quizzes/README.md are valid questions (so the docs cannot drift). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreQuestion } from '../../../src/core/quiz/kinds/index.ts';
import { QuestionSchema } from '../../../src/schemas/quiz.ts';
import { correctAnswer } from '../../fixtures/answers.ts';

const readme = readFileSync(new URL('../../../quizzes/README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe('quizzes/README.md examples', () => {
	it('has an example of each diff kind', () => {
		expect(blocks.length).toBeGreaterThanOrEqual(2);
	});
	it.each(blocks.map((b, i) => [i, b] as const))(
		'example %i parses, validates and scores 1 when answered right',
		(_i, block) => {
			const [question] = parse(block) as unknown[];
			const r = QuestionSchema.safeParse(question);
			expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
			if (r.success) expect(scoreQuestion(r.data, correctAnswer(r.data)).credit).toBe(1);
		},
	);
});
