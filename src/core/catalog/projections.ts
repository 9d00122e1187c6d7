/**
 * Pure projections of the content, shared by lib/ (the build) and scripts/ (certify, bench): the
 * catalog summaries serialised into island pages, the counts that pages print instead of
 * literals, and the route data pages would otherwise compute (neighbours in a track, principles a
 * module touches). Each takes parsed content and returns plain data.
 */
import type { LabData } from '../../schemas/lab.ts';
import type { ModuleData } from '../../schemas/module.ts';
import type { NcscGuideline, Principle } from '../../schemas/principle.ts';
import type { CertificateCatalog } from '../certificates/eligibility.ts';
import type { CatalogSummary } from '../progress/dashboard.ts';
import { principleOf } from '../progress/labels.ts';

/** What the projections read: principles, modules and each quiz's id and revision. */
export interface ProjectionInput {
	principles: readonly Principle[];
	/** Modules in the order they are listed on the site. */
	modules: readonly ModuleData[];
	quizzes: readonly { id: string; revision: number }[];
}

/** One module as the dashboard and the team tools see it: with its quiz's current revision. */
export function moduleSummary(
	m: Pick<ModuleData, 'id' | 'title' | 'track' | 'order' | 'principles' | 'minutes' | 'quiz'>,
	quizzes: ReadonlyMap<string, { id: string; revision: number }>,
) {
	const quiz = m.quiz === undefined ? undefined : quizzes.get(m.quiz);
	return {
		id: m.id,
		title: m.title,
		track: m.track,
		order: m.order,
		principles: m.principles,
		minutes: m.minutes,
		quiz: quiz ? { id: quiz.id, revision: quiz.revision } : undefined,
	};
}

/** Principles and modules as the dashboard needs them (each module with its quiz's current revision). */
export function catalogSummary(input: ProjectionInput): CatalogSummary {
	const quizzes = new Map(input.quizzes.map((q) => [q.id, q]));
	return {
		principles: input.principles.map((p) => ({ number: p.number, title: p.title })),
		modules: input.modules.map((m) => moduleSummary(m, quizzes)),
	};
}

/** The certificate catalog (see core/certificates/eligibility.ts): the summary plus each principle's provisions. */
export function certificateCatalog(input: ProjectionInput): CertificateCatalog {
	return {
		principles: input.principles.map((p) => ({
			number: p.number,
			title: p.title,
			provisions: p.provisions.map((x) => ({ id: x.id, title: x.title })),
		})),
		modules: catalogSummary(input).modules.map(({ id, title, track, principles, quiz }) => ({
			id,
			title,
			track,
			principles,
			quiz,
		})),
	};
}

/** How many principles, provisions and NCSC sub-guidelines the content holds (pages print these). */
export interface ContentCounts {
	principles: number;
	provisions: number;
	ncsc: number;
}

export function contentCounts(
	principles: readonly Principle[],
	ncsc: readonly NcscGuideline[],
): ContentCounts {
	return {
		principles: principles.length,
		provisions: principles.reduce((n, p) => n + p.provisions.length, 0),
		ncsc: ncsc.length,
	};
}

/** A module's previous and next module in its track (the order the list gives). */
export interface Neighbours<T> {
	prev: T | undefined;
	next: T | undefined;
}

/** Each item's neighbours within its group, by key (e.g. modules by id, grouped by track). */
export function neighboursBy<T>(
	items: readonly T[],
	key: (item: T) => string,
	group: (item: T) => string,
): Map<string, Neighbours<T>> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const g = group(item);
		const list = groups.get(g) ?? [];
		list.push(item);
		groups.set(g, list);
	}
	const out = new Map<string, Neighbours<T>>();
	for (const list of groups.values()) {
		list.forEach((item, i) => {
			out.set(key(item), { prev: list[i - 1], next: list[i + 1] });
		});
	}
	return out;
}

/** The principle numbers a module touches: those it names and those of the provisions it teaches, ascending. */
export function principlesTouched(m: Pick<ModuleData, 'principles' | 'provisions'>): number[] {
	return [...new Set([...m.principles, ...m.provisions.map(principleOf)])].sort((a, b) => a - b);
}

/**
 * One lab as the module page, the path pages and the assignment tools show it. `revision` is what
 * the learner's status is read against (labStatus in core/labs/record.ts).
 */
export interface CatalogLab {
	id: string;
	title: string;
	/** One or two sentences (pages print it; islands' catalogs leave it out). */
	summary: string;
	/** The module the lab practises. */
	module: string;
	level: LabData['level'];
	minutes: number;
	revision: number;
	/** The lab's page, under the site's base path. */
	url: string;
}

/** A lab's catalog entry; `base` is the site's base path, ending in "/". */
export function labSummary(
	lab: Pick<LabData, 'id' | 'title' | 'summary' | 'module' | 'level' | 'minutes' | 'revision'>,
	base: string,
): CatalogLab {
	return {
		id: lab.id,
		title: lab.title,
		summary: lab.summary,
		module: lab.module,
		level: lab.level,
		minutes: lab.minutes,
		revision: lab.revision,
		url: `${base}labs/${lab.id}/`,
	};
}

/**
 * The labs that practise a module, in the order given (the labs index order), as catalog
 * entries. The one rule every view uses: the module page, each step of a path, the assignment
 * builder, view and sheet.
 */
export function labsOfModule(
	labs: readonly Pick<LabData, 'id' | 'title' | 'summary' | 'module' | 'level' | 'minutes' | 'revision'>[],
	moduleId: string,
	base: string,
): CatalogLab[] {
	return labs.filter((l) => l.module === moduleId).map((l) => labSummary(l, base));
}
