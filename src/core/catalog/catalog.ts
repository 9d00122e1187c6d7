/**
 * Cross-collection rules that a single file's schema cannot check: every reference between
 * principles, modules and quizzes must point at something that exists. Pure: it takes parsed
 * content and returns problems; callers decide how to report them (build error, test failure,
 * `npm run validate`).
 */
import type { AssignmentFile } from '../../schemas/assignment.ts';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import type { ModuleData } from '../../schemas/module.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { NcscGuideline, Principle } from '../../schemas/principle.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { checkPathsAndAssignments } from './teams.ts';

/** A content file together with where it came from (path relative to the project root). */
export interface Sourced<T> {
	file: string;
	data: T;
}

export interface CatalogInput {
	principles: readonly Sourced<Principle>[];
	ncsc: readonly Sourced<NcscGuideline>[];
	modules: readonly Sourced<ModuleData>[];
	quizzes: readonly Sourced<Quiz>[];
	/** Glossary terms (all from content/glossary.yaml). */
	glossary?: readonly Sourced<GlossaryTerm>[];
	/** Learning paths (content/paths/) and assignment files (content/assignments/). */
	paths?: readonly Sourced<LearningPath>[];
	assignments?: readonly Sourced<AssignmentFile>[];
}

/** One thing wrong with the content, phrased for an author: where, what, and how to fix it. */
export interface ContentProblem {
	file: string;
	field: string;
	message: string;
	/** How to put it right, where the message alone does not say. */
	fix?: string;
}

export function formatProblem(p: ContentProblem): string {
	return `${p.file} → ${p.field}: ${p.message}${p.fix ? `\n  Fix: ${p.fix}` : ''}`;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
	const n = problems.length;
	return `${n} content problem${n === 1 ? '' : 's'}:\n\n${problems.map(formatProblem).join('\n\n')}`;
}

export function checkCatalog(input: CatalogInput): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (file: string, field: string, message: string, fix: string) =>
		problems.push({ file, field, message, fix });

	// Principles: exactly 1..13, each once.
	const principleByNumber = new Map<number, Sourced<Principle>>();
	for (const p of input.principles) {
		const other = principleByNumber.get(p.data.number);
		if (other) {
			add(
				p.file,
				'number',
				`principle ${p.data.number} is also defined in ${other.file}`,
				'give each principle file its own number from 1 to 13',
			);
		}
		principleByNumber.set(p.data.number, p);
	}
	for (let n = 1; n <= 13; n++) {
		if (!principleByNumber.has(n)) {
			add(
				'content/principles/',
				'number',
				`principle ${n} is missing`,
				`add content/principles/p${String(n).padStart(2, '0')}.yaml with number: ${n}`,
			);
		}
	}
	const provisionIds = new Set(input.principles.flatMap((p) => p.data.provisions.map((v) => v.id)));
	const ncscNumbers = new Set(input.ncsc.map((g) => g.data.number));
	for (const p of input.principles) {
		for (const g of p.data.ncsc) {
			if (!ncscNumbers.has(g)) {
				add(
					p.file,
					'ncsc',
					`NCSC sub-guideline ${g} does not exist`,
					'use a number from content/ncsc-guidelines.yaml (1 to 17)',
				);
			}
		}
	}

	// Modules.
	const moduleById = new Map<string, Sourced<ModuleData>>();
	for (const m of input.modules) {
		const other = moduleById.get(m.data.id);
		if (other) {
			add(m.file, 'id', `module id "${m.data.id}" is also used by ${other.file}`, 'choose a unique id');
		}
		moduleById.set(m.data.id, m);
	}
	const quizById = new Map<string, Sourced<Quiz>>();
	for (const q of input.quizzes) {
		const other = quizById.get(q.data.id);
		if (other) {
			add(q.file, 'id', `quiz id "${q.data.id}" is also used by ${other.file}`, 'choose a unique id');
		}
		quizById.set(q.data.id, q);
	}
	for (const m of input.modules) {
		m.data.principles.forEach((n, i) => {
			if (!principleByNumber.has(n)) {
				add(
					m.file,
					`principles[${i}]`,
					`principle ${n} does not exist`,
					'use a principle number from 1 to 13',
				);
			}
		});
		m.data.provisions.forEach((id, i) => {
			if (!provisionIds.has(id)) {
				add(
					m.file,
					`provisions[${i}]`,
					`provision ${id} is not in the published Code of Practice`,
					'use an id listed in content/principles/ (the 2025 numbering; the 2024 draft numbered some provisions differently)',
				);
			}
		});
		if (m.data.quiz !== undefined) {
			const quiz = quizById.get(m.data.quiz);
			if (!quiz) {
				add(
					m.file,
					'quiz',
					`no quiz has id "${m.data.quiz}"`,
					`create quizzes/${m.data.quiz}.yaml or fix the id`,
				);
			} else if (quiz.data.module !== m.data.id) {
				add(
					m.file,
					'quiz',
					`quiz "${m.data.quiz}" (${quiz.file}) belongs to module "${quiz.data.module}", not "${m.data.id}"`,
					'make the quiz `module` field and the module `quiz` field point at each other',
				);
			}
		}
	}

	// Quizzes.
	for (const q of input.quizzes) {
		const mod = moduleById.get(q.data.module);
		if (!mod) {
			add(
				q.file,
				'module',
				`no module has id "${q.data.module}"`,
				'use the `id` from the frontmatter of the module this quiz assesses',
			);
		} else if (mod.data.quiz !== q.data.id) {
			add(
				q.file,
				'module',
				`module "${q.data.module}" (${mod.file}) does not name this quiz`,
				`add \`quiz: ${q.data.id}\` to that module's frontmatter`,
			);
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
						add(
							q.file,
							`${where}.provisions[${j}]`,
							`provision ${id} is not in the published Code of Practice`,
							'use an id listed in content/principles/',
						);
					}
				});
			}
		});
	}
	// Glossary.
	const slugs = new Set<string>();
	for (const [i, t] of (input.glossary ?? []).entries()) {
		const at = `[${i}] (${t.data.slug})`;
		if (slugs.has(t.data.slug))
			add(t.file, `${at}.slug`, `slug "${t.data.slug}" is used twice`, 'give each term its own slug');
		slugs.add(t.data.slug);
		t.data.modules.forEach((id, j) => {
			if (!moduleById.has(id))
				add(
					t.file,
					`${at}.modules[${j}]`,
					`no module has id "${id}"`,
					"use the id from a module's frontmatter",
				);
		});
		t.data.provisions.forEach((id, j) => {
			if (!provisionIds.has(id)) {
				add(
					t.file,
					`${at}.provisions[${j}]`,
					`provision ${id} is not in the published Code of Practice`,
					'use an id listed in content/principles/',
				);
			}
		});
	}
	for (const [i, t] of (input.glossary ?? []).entries()) {
		t.data.related.forEach((slug, j) => {
			if (!slugs.has(slug)) {
				add(
					t.file,
					`[${i}] (${t.data.slug}).related[${j}]`,
					`no term has slug "${slug}"`,
					'add that term or remove it from `related`',
				);
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
