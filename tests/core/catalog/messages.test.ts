/**
 * The catalog rules return codes with data; core/catalog/messages.ts holds every word. Each code
 * gives a message and a fix, and the problems the rules return carry the code they were worded from.
 */
import { describe, expect, test } from 'vitest';
import {
	type CatalogProblem,
	type CatalogProblemCode,
	checkCatalog,
	describeProblem,
} from '../../../src/core/catalog/catalog.ts';
import { ModuleSchema } from '../../../src/schemas/module.ts';
import { PrincipleSchema } from '../../../src/schemas/principle.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validCatalogInput } from '../../fixtures/content.ts';

const fresh = () =>
	validCatalogInput({
		principle: (raw: unknown) => PrincipleSchema.parse(raw),
		module: (raw: unknown) => ModuleSchema.parse(raw),
		quiz: (raw: unknown) => QuizSchema.parse(raw),
	});

const ALL_CODES: Record<CatalogProblemCode, true> = {
	'principle-duplicate': true,
	'principle-missing': true,
	'ncsc-unknown': true,
	'module-id-duplicate': true,
	'quiz-id-duplicate': true,
	'module-principle-unknown': true,
	'provision-unknown': true,
	'module-quiz-missing': true,
	'module-quiz-elsewhere': true,
	'quiz-module-missing': true,
	'quiz-not-named': true,
	'term-slug-duplicate': true,
	'term-module-missing': true,
	'term-related-missing': true,
	'path-id-duplicate': true,
	'step-module-missing': true,
	'step-provision-role': true,
	'step-provision-not-taught': true,
	'assignment-id-duplicate': true,
	'assignment-path-missing': true,
	'assignment-principle-empty': true,
	'assignment-lab-missing': true,
};

/** One of each code, with plausible data. */
const SAMPLES: CatalogProblem[] = [
	{ code: 'principle-duplicate', number: 3, other: 'content/principles/p03.yaml', count: 13 },
	{ code: 'principle-missing', number: 5 },
	{ code: 'ncsc-unknown', number: 18, count: 17 },
	{ code: 'module-id-duplicate', id: 'm', other: 'a.mdx' },
	{ code: 'quiz-id-duplicate', id: 'q', other: 'q.yaml' },
	{ code: 'module-principle-unknown', number: 14, count: 13 },
	{ code: 'provision-unknown', id: '1.3', where: 'module' },
	{ code: 'provision-unknown', id: '1.3', where: 'question' },
	{ code: 'provision-unknown', id: '1.3', where: 'term' },
	{ code: 'provision-unknown', id: '1.3', where: 'path' },
	{ code: 'module-quiz-missing', quiz: 'q' },
	{ code: 'module-quiz-elsewhere', quiz: 'q', quizFile: 'q.yaml', quizModule: 'x', module: 'm' },
	{ code: 'quiz-module-missing', module: 'm' },
	{ code: 'quiz-not-named', module: 'm', moduleFile: 'm.mdx', quiz: 'q' },
	{ code: 'term-slug-duplicate', slug: 's' },
	{ code: 'term-module-missing', id: 'm' },
	{ code: 'term-related-missing', slug: 's' },
	{ code: 'path-id-duplicate', id: 'p', other: 'p.yaml' },
	{ code: 'step-module-missing', module: 'm', in: 'path' },
	{ code: 'step-provision-role', id: '1.1', roles: ['organisations'], pathRoles: ['developers'] },
	{ code: 'step-provision-not-taught', module: 'm', moduleFile: 'm.mdx', id: '2.1', taught: [] },
	{ code: 'assignment-id-duplicate', id: 'a', other: 'a.yaml' },
	{ code: 'assignment-path-missing', path: 'p', paths: [] },
	{ code: 'assignment-principle-empty', principle: 7 },
	{ code: 'assignment-lab-missing', lab: 'l', labs: ['a', 'b'] },
	{ code: 'assignment-lab-missing', lab: 'l', labs: [] },
];

describe('catalog messages', () => {
	test('every code has a message and a fix, with no unfilled placeholder', () => {
		for (const p of SAMPLES) {
			const { message, fix } = describeProblem(p);
			expect(message, p.code).toMatch(/\S/);
			expect(fix, p.code).toMatch(/\S/);
			expect(`${message} ${fix}`, p.code).not.toMatch(/undefined|\[object|\$\{/);
		}
		// A new code fails the type-check here until it is listed, and this test until it has a sample.
		expect(new Set(SAMPLES.map((s) => s.code))).toEqual(new Set(Object.keys(ALL_CODES)));
	});

	test('empty lists are worded, not left blank', () => {
		expect(describeProblem({ code: 'assignment-path-missing', path: 'p', paths: [] }).fix).toBe(
			'use one of: (no paths yet: add one in content/paths/)',
		);
		expect(
			describeProblem({
				code: 'step-provision-not-taught',
				module: 'm',
				moduleFile: 'm.mdx',
				id: '2.1',
				taught: [],
			}).fix,
		).toBe("cite one of the module's provisions (it lists none), or choose another module");
	});

	test('a problem from the rules carries its code and data, and its words come from messages.ts', () => {
		const input = fresh();
		input.principles.splice(4, 1);
		const [problem] = checkCatalog(input);
		expect(problem?.detail).toEqual({ code: 'principle-missing', number: 5 });
		expect(problem && describeProblem(problem.detail as CatalogProblem)).toEqual({
			message: problem?.message,
			fix: problem?.fix,
		});
	});
});
