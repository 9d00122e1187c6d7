/**
 * What an assignment (or a learning path) asks of a learner, resolved against this site's catalog,
 * and how far the learner has got. Pure: pages serialise the catalog; islands pass progress in.
 *
 * Resolution: a path stands for its modules in order; a principle for its module(s) in the
 * principles track (the same modules its certificate requires, see certificates.ts); a module for
 * itself. Duplicates are dropped, keeping the first place a module appears. References this site
 * does not publish (a path or module removed since the link was made) are listed, never guessed.
 *
 * Completion follows the dashboard's rule (moduleProgress in dashboard.ts). Labs (an assignment's
 * optional `labs`, a path's labs per step) are counted apart, by labStatus (core/labs/record.ts):
 * they never change whether a path or an assignment is complete.
 */
import type { AssignmentItem, AssignmentSpec } from '../../schemas/assignment.ts';
import type { CatalogLab } from '../catalog/projections.ts';
import { type LabStatus, labRecord, labStatus } from '../labs/status.ts';
import { type CatalogSummary, type ModuleProgress, moduleProgress } from '../progress/dashboard.ts';
import { formatDate } from '../progress/labels.ts';
import type { ProgressData } from '../progress/progress.ts';
import { itemLabel, notPublished } from './messages.ts';

/** A learning path as islands need it: its id, title and modules in order. */
export interface PathSummary {
	id: string;
	title: string;
	modules: string[];
}

/** A lab as islands need it: the catalog entry without its summary. */
export type AssignmentLab = Omit<CatalogLab, 'summary'>;

/** The catalog facts assignments need (serialised into pages at build time). */
export interface AssignmentCatalog {
	principles: { number: number; title: string }[];
	modules: CatalogSummary['modules'];
	paths: PathSummary[];
	/** Every lab, in lab order (optional: catalogs built before labs have none). */
	labs?: AssignmentLab[];
}

export type CatalogModule = CatalogSummary['modules'][number];

export interface ResolvedItem {
	item: AssignmentItem;
	/** e.g. "Learning path: Developer", "Principle 5: Identify, track and protect your assets". */
	label: string;
	moduleIds: string[];
	/** False when this site does not publish the path, principle module or module. */
	known: boolean;
}

export interface Resolved {
	items: ResolvedItem[];
	/** Every module to study, in order, without repeats. */
	modules: CatalogModule[];
	/** The assignment's labs this site publishes, in the order given. */
	labs: AssignmentLab[];
	/** Plain-language list of references this site does not publish. */
	unknown: string[];
}

/** The labs that practise these modules: module by module in the order given, each in lab order. */
export function labsOfModules(
	catalog: Pick<AssignmentCatalog, 'labs'>,
	moduleIds: readonly string[],
): AssignmentLab[] {
	const labs = catalog.labs ?? [];
	return [...new Set(moduleIds)].flatMap((id) => labs.filter((l) => l.module === id));
}

/** The modules principle `n` stands for: the same rule as its certificate's required modules. */
export function principleModules(catalog: Pick<AssignmentCatalog, 'modules'>, n: number): CatalogModule[] {
	return catalog.modules.filter((m) => m.track === 'principles' && m.principles.includes(n));
}

export function resolveItems(
	items: readonly AssignmentItem[],
	catalog: AssignmentCatalog,
	labIds: readonly string[] = [],
): Resolved {
	const byId = new Map(catalog.modules.map((m) => [m.id, m]));
	const resolved = items.map((item): ResolvedItem => {
		if ('path' in item) {
			const path = catalog.paths.find((p) => p.id === item.path);
			return path
				? {
						item,
						label: itemLabel({ kind: 'path', title: path.title }),
						moduleIds: path.modules.filter((id) => byId.has(id)),
						known: true,
					}
				: { item, label: itemLabel({ kind: 'unknown-path', id: item.path }), moduleIds: [], known: false };
		}
		if ('principle' in item) {
			const p = catalog.principles.find((x) => x.number === item.principle);
			const ids = principleModules(catalog, item.principle).map((m) => m.id);
			return {
				item,
				label: itemLabel({ kind: 'principle', number: item.principle, title: p?.title }),
				moduleIds: ids,
				known: ids.length > 0,
			};
		}
		const m = byId.get(item.module);
		return m
			? { item, label: itemLabel({ kind: 'module', title: m.title }), moduleIds: [m.id], known: true }
			: { item, label: itemLabel({ kind: 'unknown-module', id: item.module }), moduleIds: [], known: false };
	});
	const seen = new Set<string>();
	const modules = resolved.flatMap((r) =>
		r.moduleIds.flatMap((id) => {
			if (seen.has(id)) return [];
			seen.add(id);
			return [byId.get(id) as CatalogModule];
		}),
	);
	const labById = new Map((catalog.labs ?? []).map((l) => [l.id, l]));
	const labs = labIds.flatMap((id) => labById.get(id) ?? []);
	return {
		items: resolved,
		modules,
		labs,
		unknown: [
			...resolved.filter((r) => !r.known).map((r) => notPublished(r.label)),
			...labIds
				.filter((id) => !labById.has(id))
				.map((id) => notPublished(itemLabel({ kind: 'unknown-lab', id }))),
		],
	};
}

/** Today's date in the learner's time zone, as YYYY-MM-DD. */
export function localDay(date = new Date()): string {
	const y = date.getFullYear();
	const m = String(date.getMonth() + 1).padStart(2, '0');
	const d = String(date.getDate()).padStart(2, '0');
	return `${y}-${m}-${d}`;
}

/** Past due: the due day has ended (the whole due day still counts as on time). */
export const isPastDue = (due: string | undefined, today: string) => due !== undefined && today > due;

export interface StudyProgress {
	modules: ModuleProgress[];
	completed: number;
	total: number;
	/** The first module not yet completed. */
	next: ModuleProgress | undefined;
}

/** Progress over a list of modules (an assignment or a path), by the dashboard's completion rule. */
export function studyProgress(data: ProgressData, modules: readonly CatalogModule[]): StudyProgress {
	const list = modules.map((m) => moduleProgress(data, m));
	return {
		modules: list,
		completed: list.filter((m) => m.state === 'completed').length,
		total: list.length,
		next: list.find((m) => m.state !== 'completed'),
	};
}

/** A lab with the learner's status on it. */
export interface LabProgress {
	lab: AssignmentLab;
	status: LabStatus;
}

/** Completed on the lab's current revision (with or without the solution shown), as the dashboard counts. */
export const isLabCompleted = (status: LabStatus) => status === 'passed' || status === 'passed-with-solution';

export interface LabsProgressSummary {
	labs: LabProgress[];
	completed: number;
	total: number;
}

/** The learner's status on each lab, and how many are completed. */
export function labsProgress(data: ProgressData, labs: readonly AssignmentLab[]): LabsProgressSummary {
	const list = labs.map((lab) => ({ lab, status: labStatus(labRecord(data.labs, lab.id), lab.revision) }));
	return { labs: list, completed: list.filter((l) => isLabCompleted(l.status)).length, total: list.length };
}

export interface AssignmentStatus extends StudyProgress {
	resolved: Resolved;
	/** The assigned labs with the learner's status (they do not change `done`). */
	labs: LabsProgressSummary;
	due: string | undefined;
	/** Past the due date with modules still to complete. */
	overdue: boolean;
	done: boolean;
}

export function assignmentStatus(
	data: ProgressData,
	spec: AssignmentSpec,
	catalog: AssignmentCatalog,
	today: string,
): AssignmentStatus {
	const resolved = resolveItems(spec.items, catalog, spec.labs);
	const progress = studyProgress(data, resolved.modules);
	const done = progress.total > 0 && progress.completed === progress.total;
	return {
		...progress,
		resolved,
		labs: labsProgress(data, resolved.labs),
		due: spec.due,
		done,
		overdue: !done && isPastDue(spec.due, today),
	};
}

/** The key a published assignment file is stored under in the learner's progress. */
export const siteAssignmentKey = (id: string) => `site-${id}`;

/** Formats YYYY-MM-DD as e.g. "31 Mar 2027" (in the reader's locale), without time-zone shifts. */
export function formatDay(day: string, locale?: string): string {
	return formatDate(day, 'medium', locale);
}
