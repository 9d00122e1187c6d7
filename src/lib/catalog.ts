/**
 * The site's content, loaded once per build from the content layer and checked for broken
 * cross-references. Pages and components read from here and only render.
 */

import { type CollectionEntry, getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import {
	type CatalogInput,
	type ContentProblem,
	checkCatalog,
	formatProblems,
	type ProvisionCoverage,
	provisionCoverage,
} from '../core/catalog/catalog.ts';
import {
	type ContentCounts,
	contentCounts,
	type Neighbours,
	neighboursBy,
	type ProjectionInput,
	principlesTouched,
} from '../core/catalog/projections.ts';
import { checkQuizArchive } from '../core/catalog/quiz-archive.ts';
import { principleOf } from '../core/progress/labels.ts';
import type { Provision } from '../schemas/principle.ts';
import type { Quiz } from '../schemas/quiz.ts';
import type { Track } from '../schemas/vocabulary.ts';
import { SITE } from '../site.ts';

export type PrincipleEntry = CollectionEntry<'principles'>;
export type ModuleEntry = CollectionEntry<'modules'>;
export type QuizEntry = CollectionEntry<'quizzes'>;
export type NcscEntry = CollectionEntry<'ncsc'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type PathEntry = CollectionEntry<'paths'>;
export type AssignmentEntry = CollectionEntry<'assignments'>;
export type IncidentEntry = CollectionEntry<'incidents'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface Catalog {
	principles: PrincipleEntry[];
	ncsc: NcscEntry[];
	modules: ModuleEntry[];
	quizzes: QuizEntry[];
	glossary: GlossaryEntry[];
	/** Learning paths, by `order`; steps on switched-off tracks are left out. */
	paths: PathEntry[];
	/** Assignment files published on this site. */
	assignments: AssignmentEntry[];
	/** Real incidents (content/incidents.yaml) and tracked source editions (content/sources.yaml). */
	incidents: IncidentEntry[];
	sources: SourceEntry[];
	/** The incidents a module cites, in the order it cites them. */
	incidentsOf(ids: readonly string[]): IncidentEntry[];
	/** The source editions named by ids, in order. */
	sourcesOf(ids: readonly string[]): SourceEntry[];
	principle(n: number): PrincipleEntry;
	provision(id: string): { provision: Provision; principle: PrincipleEntry } | undefined;
	quiz(id: string | undefined): QuizEntry | undefined;
	/** Earlier revisions of a quiz, kept in quizzes/archive/ so that old answers can be marked again. */
	archivedRevisions(id: string): Quiz[];
	/** The published module with this id (undefined when its track is switched off or it does not exist). */
	module(id: string): ModuleEntry | undefined;
	/** Minutes to study these modules (unpublished ids count nothing). */
	minutesOf(ids: readonly string[]): number;
	modulesInTrack(track: Track): ModuleEntry[];
	modulesForPrinciple(n: number): ModuleEntry[];
	/** Every provision with the modules that teach it and the questions that test it. */
	coverage(): ProvisionCoverage[];
	/** How many principles, provisions and NCSC sub-guidelines there are: print these, not literals. */
	counts: ContentCounts;
	/** The previous and next module in the module's track. */
	moduleNeighbours(id: string): Neighbours<ModuleEntry>;
	/** The previous and next principle. */
	principleNeighbours(n: number): Neighbours<PrincipleEntry>;
	/** The principles a module touches (named, or through its provisions), ascending. */
	principlesOf(module: ModuleEntry): PrincipleEntry[];
	/** The published content as the pure projections in core/catalog/projections.ts take it. */
	projection: ProjectionInput;
}

let cached: Promise<Catalog> | undefined;

/** Loads all collections once and fails the build with every broken reference listed. */
export function getCatalog(): Promise<Catalog> {
	cached ??= load();
	return cached;
}

const byOrder = (a: ModuleEntry, b: ModuleEntry) =>
	a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);

async function load(): Promise<Catalog> {
	const [principles, ncsc, modules, quizzes, glossary, paths, assignments, incidents, sources] =
		await Promise.all([
			getCollection('principles'),
			getCollection('ncsc'),
			getCollection('modules'),
			getCollection('quizzes'),
			getCollection('glossary'),
			getCollection('paths'),
			getCollection('assignments'),
			getCollection('incidents'),
			getCollection('sources'),
		]);
	const archived = await getCollection('quizArchive');
	paths.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
	assignments.sort((a, b) => a.data.title.localeCompare(b.data.title));
	glossary.sort((a, b) => a.data.term.localeCompare(b.data.term));
	principles.sort((a, b) => a.data.number - b.data.number);
	ncsc.sort((a, b) => a.data.number - b.data.number);
	modules.sort(byOrder);
	const file = (e: { filePath?: string | undefined; id: string }, folder: string) =>
		e.filePath ?? `${folder}/${e.id}`;
	const input: CatalogInput = {
		principles: principles.map((e) => ({ file: file(e, 'content/principles'), data: e.data })),
		ncsc: ncsc.map((e) => ({ file: 'content/ncsc-guidelines.yaml', data: e.data })),
		modules: modules.map((e) => ({ file: file(e, 'content/modules'), data: e.data })),
		quizzes: quizzes.map((e) => ({ file: file(e, 'quizzes'), data: e.data })),
		glossary: glossary.map((e) => ({ file: 'content/glossary.yaml', data: e.data })),
		paths: paths.map((e) => ({ file: file(e, 'content/paths'), data: e.data })),
		assignments: assignments.map((e) => ({ file: file(e, 'content/assignments'), data: e.data })),
		incidents: incidents.map((e) => ({ file: 'content/incidents.yaml', data: e.data })),
		sources: sources.map((e) => ({ file: 'content/sources.yaml', data: e.data })),
	};
	const problems: ContentProblem[] = [
		...checkCatalog(input),
		...checkQuizArchive(
			input.quizzes,
			archived.map((e) => ({ file: file(e, 'quizzes/archive'), data: e.data })),
		),
	];
	if (problems.length > 0) {
		throw new AstroError(
			formatProblems(problems),
			'Each line names the file and field; `npm run validate` repeats these checks in a second.',
		);
	}
	// Tracks switched off in academy.config.yaml are checked above but not published.
	const enabled = new Set<string>(SITE.tracks);
	const hiddenModules = new Set(modules.filter((m) => !enabled.has(m.data.track)).map((m) => m.id));
	modules.splice(0, modules.length, ...modules.filter((m) => !hiddenModules.has(m.id)));
	quizzes.splice(0, quizzes.length, ...quizzes.filter((q) => !hiddenModules.has(q.data.module)));
	for (const p of paths) p.data.steps = p.data.steps.filter((s) => !hiddenModules.has(s.module));
	const byNumber = new Map(principles.map((p) => [p.data.number, p]));
	const provisions = new Map(
		principles.flatMap((p) => p.data.provisions.map((v) => [v.id, { provision: v, principle: p }] as const)),
	);
	const quizById = new Map(quizzes.map((q) => [q.data.id, q]));
	const moduleById = new Map(modules.map((m) => [m.id, m]));
	// Route data, computed once per build rather than on every page.
	const moduleNeighbours = neighboursBy(
		modules,
		(m) => m.id,
		(m) => m.data.track,
	);
	const principleNeighbours = neighboursBy(
		principles,
		(p) => String(p.data.number),
		() => 'all',
	);
	const none = { prev: undefined, next: undefined };
	const incidentById = new Map(incidents.map((e) => [e.data.id, e]));
	const sourceById = new Map(sources.map((e) => [e.data.id, e]));
	return {
		incidents,
		sources,
		incidentsOf: (ids) => ids.flatMap((id) => incidentById.get(id) ?? []),
		sourcesOf: (ids) => ids.flatMap((id) => sourceById.get(id) ?? []),
		principles,
		ncsc,
		modules,
		quizzes,
		glossary,
		paths,
		assignments,
		principle(n) {
			const p = byNumber.get(n);
			if (!p)
				throw new AstroError(
					`Principle ${n} does not exist.`,
					`Principles are numbered 1 to ${principles.length}.`,
				);
			return p;
		},
		provision: (id) => provisions.get(id),
		quiz: (id) => (id === undefined ? undefined : quizById.get(id)),
		archivedRevisions: (id) =>
			archived
				.filter((e) => e.data.id === id)
				.map((e) => e.data)
				.sort((a, b) => a.revision - b.revision),
		module: (id) => moduleById.get(id),
		minutesOf: (ids) => ids.reduce((n, id) => n + (moduleById.get(id)?.data.minutes ?? 0), 0),
		modulesInTrack: (track) => modules.filter((m) => m.data.track === track),
		coverage: () => provisionCoverage(input),
		counts: contentCounts(
			principles.map((p) => p.data),
			ncsc.map((g) => g.data),
		),
		moduleNeighbours: (id) => moduleNeighbours.get(id) ?? none,
		principleNeighbours: (n) => principleNeighbours.get(String(n)) ?? none,
		principlesOf: (m) => principlesTouched(m.data).flatMap((n) => byNumber.get(n) ?? []),
		projection: {
			principles: principles.map((p) => p.data),
			modules: modules.map((m) => m.data),
			quizzes: quizzes.map((q) => q.data),
		},
		modulesForPrinciple: (n) =>
			modules.filter(
				(m) => m.data.principles.includes(n) || m.data.provisions.some((id) => principleOf(id) === n),
			),
	};
}
