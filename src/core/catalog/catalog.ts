/**
 * Cross-collection rules that a single file's schema cannot check: every reference between
 * principles, modules and quizzes must point at something that exists. Pure: it takes parsed
 * content and returns problems; callers decide how to report them (build error, test failure,
 * `npm run validate`).
 */
import type { ModuleData } from '../../schemas/module.ts';
import type { Principle } from '../../schemas/principle.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { PRINCIPLE_COUNT } from '../../schemas/vocabulary.ts';
import type { CatalogProblem } from './messages.ts';
import { type CatalogInput, type ContentProblem, problemAt, type Sourced } from './problems.ts';
import { checkPathsAndAssignments } from './teams.ts';

export type { CatalogProblem, CatalogProblemCode } from './messages.ts';
export { describeProblem } from './messages.ts';
export type { CatalogInput, ContentProblem, Sourced } from './problems.ts';
export { formatProblem, formatProblems } from './problems.ts';

export function checkCatalog(input: CatalogInput): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (file: string, field: string, detail: CatalogProblem) =>
		problems.push(problemAt(file, field, detail));

	// Principles: exactly 1..PRINCIPLE_COUNT, each once.
	const principleByNumber = new Map<number, Sourced<Principle>>();
	for (const p of input.principles) {
		const other = principleByNumber.get(p.data.number);
		if (other) {
			add(p.file, 'number', {
				code: 'principle-duplicate',
				number: p.data.number,
				other: other.file,
				count: PRINCIPLE_COUNT,
			});
		}
		principleByNumber.set(p.data.number, p);
	}
	for (let n = 1; n <= PRINCIPLE_COUNT; n++) {
		if (!principleByNumber.has(n))
			add('content/principles/', 'number', { code: 'principle-missing', number: n });
	}
	const provisionIds = new Set(input.principles.flatMap((p) => p.data.provisions.map((v) => v.id)));
	const ncscNumbers = new Set(input.ncsc.map((g) => g.data.number));
	for (const p of input.principles) {
		for (const g of p.data.ncsc) {
			if (!ncscNumbers.has(g))
				add(p.file, 'ncsc', { code: 'ncsc-unknown', number: g, count: ncscNumbers.size });
		}
	}

	// Modules.
	const moduleById = new Map<string, Sourced<ModuleData>>();
	for (const m of input.modules) {
		const other = moduleById.get(m.data.id);
		if (other) add(m.file, 'id', { code: 'module-id-duplicate', id: m.data.id, other: other.file });
		moduleById.set(m.data.id, m);
	}
	const quizById = new Map<string, Sourced<Quiz>>();
	for (const q of input.quizzes) {
		const other = quizById.get(q.data.id);
		if (other) add(q.file, 'id', { code: 'quiz-id-duplicate', id: q.data.id, other: other.file });
		quizById.set(q.data.id, q);
	}
	for (const m of input.modules) {
		m.data.principles.forEach((n, i) => {
			if (!principleByNumber.has(n)) {
				add(m.file, `principles[${i}]`, {
					code: 'module-principle-unknown',
					number: n,
					count: PRINCIPLE_COUNT,
				});
			}
		});
		m.data.provisions.forEach((id, i) => {
			if (!provisionIds.has(id))
				add(m.file, `provisions[${i}]`, { code: 'provision-unknown', id, where: 'module' });
		});
		if (m.data.quiz !== undefined) {
			const quiz = quizById.get(m.data.quiz);
			if (!quiz) {
				add(m.file, 'quiz', { code: 'module-quiz-missing', quiz: m.data.quiz });
			} else if (quiz.data.module !== m.data.id) {
				add(m.file, 'quiz', {
					code: 'module-quiz-elsewhere',
					quiz: m.data.quiz,
					quizFile: quiz.file,
					quizModule: quiz.data.module,
					module: m.data.id,
				});
			}
		}
	}

	// Quizzes.
	for (const q of input.quizzes) {
		const mod = moduleById.get(q.data.module);
		if (!mod) {
			add(q.file, 'module', { code: 'quiz-module-missing', module: q.data.module });
		} else if (mod.data.quiz !== q.data.id) {
			add(q.file, 'module', {
				code: 'quiz-not-named',
				module: q.data.module,
				moduleFile: mod.file,
				quiz: q.data.id,
			});
		}
		q.data.questions.forEach((question, i) => {
			const tagged: [string, readonly string[] | undefined][] = [[`questions[${i}]`, question.provisions]];
			if (question.type === 'scenario') {
				question.parts.forEach((part, k) => {
					tagged.push([`questions[${i}].parts[${k}]`, part.provisions]);
				});
			}
			for (const [where, ids] of tagged) {
				(ids ?? []).forEach((id, j) => {
					if (!provisionIds.has(id)) {
						add(q.file, `${where}.provisions[${j}]`, { code: 'provision-unknown', id, where: 'question' });
					}
				});
			}
		});
	}
	// Glossary.
	const slugs = new Set<string>();
	for (const [i, t] of (input.glossary ?? []).entries()) {
		const at = `[${i}] (${t.data.slug})`;
		if (slugs.has(t.data.slug)) add(t.file, `${at}.slug`, { code: 'term-slug-duplicate', slug: t.data.slug });
		slugs.add(t.data.slug);
		t.data.modules.forEach((id, j) => {
			if (!moduleById.has(id)) add(t.file, `${at}.modules[${j}]`, { code: 'term-module-missing', id });
		});
		t.data.provisions.forEach((id, j) => {
			if (!provisionIds.has(id)) {
				add(t.file, `${at}.provisions[${j}]`, { code: 'provision-unknown', id, where: 'term' });
			}
		});
	}
	for (const [i, t] of (input.glossary ?? []).entries()) {
		t.data.related.forEach((slug, j) => {
			if (!slugs.has(slug)) {
				add(t.file, `[${i}] (${t.data.slug}).related[${j}]`, { code: 'term-related-missing', slug });
			}
		});
	}
	problems.push(...checkPathsAndAssignments(input));
	return problems;
}

export interface ProvisionCoverage {
	id: string;
	principle: number;
	/** Modules whose frontmatter lists the provision. */
	modules: { id: string; title: string }[];
	/** Quiz questions (and scenario parts) tagged with the provision. */
	questions: { quizId: string; questionId: string; prompt: string }[];
}

/** For every provision: the modules that teach it and the quiz questions that test it. */
export function provisionCoverage(input: CatalogInput): ProvisionCoverage[] {
	const out = input.principles
		.slice()
		.sort((a, b) => a.data.number - b.data.number)
		.flatMap((p) =>
			p.data.provisions.map(
				(v): ProvisionCoverage => ({ id: v.id, principle: p.data.number, modules: [], questions: [] }),
			),
		);
	const byId = new Map(out.map((c) => [c.id, c]));
	for (const m of input.modules) {
		for (const id of m.data.provisions) byId.get(id)?.modules.push({ id: m.data.id, title: m.data.title });
	}
	for (const q of input.quizzes) {
		for (const question of q.data.questions) {
			const tagged = new Set([
				...(question.provisions ?? []),
				...(question.type === 'scenario' ? question.parts.flatMap((part) => part.provisions ?? []) : []),
			]);
			for (const id of tagged) {
				byId.get(id)?.questions.push({ quizId: q.data.id, questionId: question.id, prompt: question.prompt });
			}
		}
	}
	return out;
}
