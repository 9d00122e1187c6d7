import { describe, expect, test } from 'vitest';
import { checkCatalog, formatProblems } from '../../../src/core/catalog/catalog.ts';
import { ModuleSchema } from '../../../src/schemas/module.ts';
import { PrincipleSchema } from '../../../src/schemas/principle.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validCatalogInput } from '../../fixtures/content.ts';

const parse = {
	principle: (raw: unknown) => PrincipleSchema.parse(raw),
	module: (raw: unknown) => ModuleSchema.parse(raw),
	quiz: (raw: unknown) => QuizSchema.parse(raw),
};
const fresh = () => validCatalogInput(parse);

describe('checkCatalog', () => {
	test('a consistent catalog has no problems', () => {
		expect(checkCatalog(fresh())).toEqual([]);
	});

	test('a missing principle is named with the file to create', () => {
		const input = fresh();
		input.principles.splice(4, 1);
		const problems = checkCatalog(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ field: 'number', message: 'principle 5 is missing' });
		expect(problems[0]?.fix).toContain('content/principles/p05.yaml');
	});

	test('two files claiming the same principle number', () => {
		const input = fresh();
		const p = input.principles[1];
		if (!p) throw new Error('fixture');
		input.principles.push({ file: 'content/principles/copy.yaml', data: p.data });
		const problems = checkCatalog(input);
		expect(problems.map((x) => x.file)).toContain('content/principles/copy.yaml');
		expect(problems[0]?.message).toMatch(/also defined in content\/principles\/p02.yaml/);
	});

	test('a module citing a draft-numbered provision (1.3.1) is rejected with the reason', () => {
		const input = fresh();
		const mod = input.modules[0];
		if (!mod) throw new Error('fixture');
		mod.data.provisions.push('1.3');
		const [problem, ...rest] = checkCatalog(input);
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({ file: 'content/modules/demo.mdx', field: 'provisions[1]' });
		expect(problem?.message).toBe('provision 1.3 is not in the published Code of Practice');
		expect(problem?.fix).toMatch(/2024 draft/);
	});

	test('a module naming a quiz that does not exist', () => {
		const input = fresh();
		const mod = input.modules[0];
		if (!mod) throw new Error('fixture');
		mod.data.quiz = 'no-such-quiz';
		const problems = checkCatalog(input);
		expect(problems.some((p) => p.field === 'quiz' && /no quiz has id "no-such-quiz"/.test(p.message))).toBe(
			true,
		);
	});

	test('a quiz naming a module that does not exist', () => {
		const input = fresh();
		const quiz = input.quizzes[0];
		if (!quiz) throw new Error('fixture');
		quiz.data.module = 'ghost';
		const problems = checkCatalog(input);
		expect(problems.find((p) => p.file === 'quizzes/demo-quiz.yaml')?.message).toBe(
			'no module has id "ghost"',
		);
	});

	test('a quiz and a module that do not point at each other', () => {
		const input = fresh();
		const mod = input.modules[0];
		if (!mod) throw new Error('fixture');
		delete mod.data.quiz;
		const problems = checkCatalog(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.fix).toBe("add `quiz: demo-quiz` to that module's frontmatter");
	});

	test('a question tagged with an unknown provision', () => {
		const input = fresh();
		const q = input.quizzes[0]?.data.questions[0];
		q.provisions = ['6.9'];
		const problems = checkCatalog(input);
		expect(problems[0]).toMatchObject({ field: 'questions[0].provisions[0]' });
	});

	test('a principle mapped to an NCSC sub-guideline that does not exist', () => {
		const input = fresh();
		input.ncsc.pop();
		const problems = checkCatalog(input);
		// Principles in the fixture map to guideline 1 only, so removing 17 changes nothing...
		expect(problems).toEqual([]);
		input.ncsc.shift();
		// ...but removing guideline 1 breaks all 13.
		expect(checkCatalog(input)).toHaveLength(13);
	});

	test('duplicate module and quiz ids', () => {
		const input = fresh();
		const mod = input.modules[0];
		const quiz = input.quizzes[0];
		if (!mod || !quiz) throw new Error('fixture');
		input.modules.push({ file: 'content/modules/other.mdx', data: mod.data });
		input.quizzes.push({ file: 'quizzes/other.yaml', data: quiz.data });
		const messages = checkCatalog(input).map((p) => p.message);
		expect(messages).toContain('module id "demo-module" is also used by content/modules/demo.mdx');
		expect(messages).toContain('quiz id "demo-quiz" is also used by quizzes/demo-quiz.yaml');
	});

	test('formatProblems names file, field and fix', () => {
		const text = formatProblems([{ file: 'a.yaml', field: 'x', message: 'bad', fix: 'do y' }]);
		expect(text).toBe('1 content problem:\n\na.yaml → x: bad\n  Fix: do y');
	});
});
