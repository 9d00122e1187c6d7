/**
 * Step 3 of the team report (see team-report.ts): the learner × module table (status by the
 * dashboard's completion rule, score, date, due and overdue), totals per module, the coverage of
 * the provisions, and filtering and sorting of rows.
 */
import { type AssignmentLab, isPastDue } from '../assignments/assignments.ts';
import { type ModuleState, moduleProgress } from '../progress/dashboard.ts';
import { learnerKey, type TeamLabStatus, type TeamLearner } from './merge.ts';
import type { TeamCatalog, TeamModule } from './team-catalog.ts';

export interface TeamCell {
	moduleId: string;
	/** False when none of the learner's assignments includes the module. */
	assigned: boolean;
	state: ModuleState;
	/** Best re-scored assessment score on the current quiz revision. */
	score: number | undefined;
	passedAt: string | undefined;
	/** The earliest due date among the learner's assignments that include the module. */
	due: string | undefined;
	/** Assigned, not completed, and past the due date. */
	overdue: boolean;
	/** Completed after the due date. */
	late: boolean;
}

export interface TeamLabCell {
	labId: string;
	/** False when none of the learner's assignments includes the lab's module. */
	assigned: boolean;
	/** The re-run standing, or `none` when no report carries a pass of the lab. */
	status: TeamLabStatus | 'none';
	at: string | undefined;
	message: string | undefined;
}

export interface TeamRow {
	key: string;
	name: string;
	files: string[];
	assignments: { key: string; title: string; due: string | undefined }[];
	/** One cell per column of the view, in column order. */
	cells: TeamCell[];
	/** One cell per lab column of the view, in column order. */
	labs: TeamLabCell[];
	assigned: number;
	completed: number;
	overdue: number;
	/** Provision ids taught by modules this learner has completed. */
	provisions: Set<string>;
}

export interface ModuleTotals {
	moduleId: string;
	assigned: number;
	completed: number;
	inProgress: number;
	overdue: number;
	/** Average best score of those who completed it. */
	averageScore: number | undefined;
}

export interface TeamView {
	/** Modules assigned to anyone, in catalog order. */
	columns: TeamModule[];
	/** Labs of modules assigned to anyone, in lab order. */
	labColumns: AssignmentLab[];
	rows: TeamRow[];
	totals: ModuleTotals[];
	/** Every provision, in the Code's order, with how many learners have been trained on it. */
	provisions: { id: string; title: string; principle: number; learners: number }[];
	/** Assignments seen, for filtering. */
	assignments: { key: string; title: string; due: string | undefined }[];
	/** Module ids assigned in reports that this site does not publish. */
	unknownModules: string[];
}

/** The table, totals and coverage for merged learners. `today` is YYYY-MM-DD (the manager's day). */
export function buildTeamView(
	learners: readonly TeamLearner[],
	catalog: TeamCatalog,
	today: string,
): TeamView {
	const byId = new Map(catalog.modules.map((m) => [m.id, m]));
	const assignedIds = new Set(learners.flatMap((l) => l.assignments.flatMap((a) => a.modules)));
	const columns = catalog.modules.filter((m) => assignedIds.has(m.id));
	const unknownModules = [...assignedIds].filter((id) => !byId.has(id)).sort();
	const labColumns = (catalog.labs ?? []).filter((l) => assignedIds.has(l.module));

	const rows = learners.map((l): TeamRow => {
		const dueOf = new Map<string, string | undefined>();
		for (const a of l.assignments) {
			for (const id of a.modules) {
				const due = a.assigned.due;
				const before = dueOf.get(id);
				if (!dueOf.has(id)) dueOf.set(id, due);
				else if (due !== undefined && (before === undefined || due < before)) dueOf.set(id, due);
			}
		}
		const cells = columns.map((m): TeamCell => {
			const p = moduleProgress(l.data, m);
			const assigned = dueOf.has(m.id);
			const due = dueOf.get(m.id);
			return {
				moduleId: m.id,
				assigned,
				state: p.state,
				score: p.bestScore,
				passedAt: p.passedAt,
				due,
				overdue: assigned && p.state !== 'completed' && isPastDue(due, today),
				late:
					assigned && p.state === 'completed' && due !== undefined && (p.passedAt ?? '').slice(0, 10) > due,
			};
		});
		const provisions = new Set(
			catalog.modules
				.filter((m) => moduleProgress(l.data, m).state === 'completed')
				.flatMap((m) => m.provisions),
		);
		const mine = cells.filter((c) => c.assigned);
		const labs = labColumns.map((lab): TeamLabCell => {
			const got = Object.hasOwn(l.labs, lab.id) ? l.labs[lab.id] : undefined;
			return {
				labId: lab.id,
				assigned: dueOf.has(lab.module),
				status: got?.status ?? 'none',
				at: got?.at,
				message: got?.message,
			};
		});
		return {
			key: l.key,
			name: l.name,
			files: l.files,
			assignments: l.assignments.map((a) => ({ key: a.key, title: a.assigned.title, due: a.assigned.due })),
			cells,
			labs,
			assigned: mine.length,
			completed: mine.filter((c) => c.state === 'completed').length,
			overdue: mine.filter((c) => c.overdue).length,
			provisions,
		};
	});

	const totals = columns.map((m, i): ModuleTotals => {
		const cells = rows.map((r) => r.cells[i] as TeamCell).filter((c) => c.assigned);
		const done = cells.filter((c) => c.state === 'completed');
		const scores = done.flatMap((c) => (c.score === undefined ? [] : [c.score]));
		return {
			moduleId: m.id,
			assigned: cells.length,
			completed: done.length,
			inProgress: cells.filter((c) => c.state === 'in-progress').length,
			overdue: cells.filter((c) => c.overdue).length,
			averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined,
		};
	});

	const provisions = catalog.principles.flatMap((p) =>
		p.provisions.map((v) => ({
			id: v.id,
			title: v.title,
			principle: p.number,
			learners: rows.filter((r) => r.provisions.has(v.id)).length,
		})),
	);
	const assignments = new Map<string, TeamView['assignments'][number]>();
	for (const r of rows) for (const a of r.assignments) assignments.set(a.key, a);
	return {
		columns,
		labColumns,
		rows,
		totals,
		provisions,
		assignments: [...assignments.values()].sort((a, b) => a.title.localeCompare(b.title)),
		unknownModules,
	};
}

export type SortKey = 'name' | 'completed' | 'overdue' | 'coverage';
export type ShowFilter = 'all' | 'overdue' | 'incomplete' | 'complete';

export interface RowQuery {
	/** Part of a learner's name (case-insensitive). */
	text: string;
	show: ShowFilter;
	/** Only learners with this assignment key ('' for any). */
	assignment: string;
	sort: SortKey;
	descending: boolean;
}

/** Filters and sorts rows; ties are broken by name so the order is stable. */
export function queryRows(rows: readonly TeamRow[], q: RowQuery): TeamRow[] {
	const text = learnerKey(q.text);
	const byName = (a: TeamRow, b: TeamRow) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key);
	const metric: Record<SortKey, (r: TeamRow) => number> = {
		name: () => 0,
		completed: (r) => (r.assigned ? r.completed / r.assigned : 0),
		overdue: (r) => r.overdue,
		coverage: (r) => r.provisions.size,
	};
	const m = metric[q.sort];
	return rows
		.filter((r) => !text || r.key.includes(text))
		.filter((r) => !q.assignment || r.assignments.some((a) => a.key === q.assignment))
		.filter((r) =>
			q.show === 'overdue'
				? r.overdue > 0
				: q.show === 'incomplete'
					? r.completed < r.assigned
					: q.show === 'complete'
						? r.assigned > 0 && r.completed === r.assigned
						: true,
		)
		.sort((a, b) => {
			const d = q.sort === 'name' ? byName(a, b) : m(a) - m(b) || byName(a, b);
			return q.descending ? -d : d;
		});
}

export const STATE_LABELS: Record<ModuleState, string> = {
	completed: 'Completed',
	'in-progress': 'In progress',
	'not-started': 'Not started',
};

/** One status word for a cell, as the table and the CSV show it. */
export function cellStatus(c: TeamCell): string {
	if (!c.assigned) return 'Not assigned';
	if (c.overdue) return `Overdue (${STATE_LABELS[c.state].toLowerCase()})`;
	return c.late ? 'Completed late' : STATE_LABELS[c.state];
}

export const TEAM_LAB_LABELS: Record<TeamLabCell['status'], string> = {
	passed: 'Passed (re-run)',
	'passed-with-solution': 'Passed with the solution shown (re-run)',
	're-run-failed': 'Re-run failed',
	'older-revision': 'Passed on an older revision (not re-checked)',
	'not-checked': 'Not checked',
	none: 'No pass',
};

/** One status word for a lab cell, as the table and the CSV show it. */
export function labCellStatus(c: TeamLabCell): string {
	return !c.assigned && c.status === 'none' ? 'Not assigned' : TEAM_LAB_LABELS[c.status];
}
