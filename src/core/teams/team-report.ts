/**
 * The team report: many learners' report files (report.ts) checked, merged and tabulated, all in
 * the manager's browser.
 *
 * 1. checkReportFiles reads each file (refusing oversized ones unread), opens it as a report,
 *    drops exact duplicates, marks every attempt again against the quiz bank (evidence.ts), and
 *    flags what does not hold together. Each file gets a status and plain-language notes.
 * 2. mergeLearners groups the usable files by learner name (trimmed, case- and space-insensitive),
 *    so several reports from one person count once: attempts are united, read marks keep the
 *    earliest date. Only attempts that re-scored as consistent are counted.
 * 3. buildTeamView derives the learner × module table (status by the dashboard's completion rule,
 *    score, date, due and overdue), totals per module, and the coverage of the 72 provisions.
 * 4. teamCsv / coverageCsv write them out with formula-injection escaping (csv.ts).
 */
import type { ModuleData } from '../../schemas/module.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { Principle } from '../../schemas/principle.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { TRACKS } from '../../schemas/vocabulary.ts';
import type { AssignmentCatalog, CatalogModule } from '../assignments/assignments.ts';
import { isPastDue } from '../assignments/assignments.ts';
import { type CsvValue, looksLikeFormula, toCsv } from './csv.ts';
import { type ModuleState, moduleProgress } from '../progress/dashboard.ts';
import {
	type AttemptCheck,
	bankOf,
	canonicalJson,
	type Evidence,
	rescoreEvidence,
} from '../quiz/evidence.ts';
import type { Attempt, ProgressData } from '../progress/progress.ts';
import { MAX_REPORT_BYTES, openReport, type Report, type ReportAssignment } from './report.ts';

/** The catalog the team page needs: assignments' catalog plus provisions per module and principle. */
export interface TeamCatalog extends AssignmentCatalog {
	principles: { number: number; title: string; provisions: { id: string; title: string }[] }[];
	modules: (CatalogModule & { provisions: string[] })[];
}
export type TeamModule = TeamCatalog['modules'][number];

/** The team catalog from parsed content (published modules only), modules in track order. */
export function teamCatalogOf(content: {
	principles: readonly Principle[];
	modules: readonly ModuleData[];
	quizzes: readonly Pick<Quiz, 'id' | 'revision'>[];
	paths: readonly LearningPath[];
}): TeamCatalog {
	const quizzes = new Map(content.quizzes.map((q) => [q.id, q]));
	const published = new Set(content.modules.map((m) => m.id));
	return {
		principles: [...content.principles]
			.sort((a, b) => a.number - b.number)
			.map((p) => ({
				number: p.number,
				title: p.title,
				provisions: p.provisions.map((v) => ({ id: v.id, title: v.title })),
			})),
		modules: [...content.modules]
			.sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.order - b.order)
			.map((m) => {
				const quiz = m.quiz === undefined ? undefined : quizzes.get(m.quiz);
				return {
					id: m.id,
					title: m.title,
					track: m.track,
					order: m.order,
					principles: m.principles,
					minutes: m.minutes,
					provisions: m.provisions,
					quiz: quiz ? { id: quiz.id, revision: quiz.revision } : undefined,
				};
			}),
		paths: [...content.paths]
			.sort((a, b) => a.order - b.order)
			.map((p) => ({
				id: p.id,
				title: p.title,
				modules: p.steps.map((s) => s.module).filter((id) => published.has(id)),
			})),
	};
}

/** Most files read in one go. */
export const MAX_REPORT_FILES = 2_000;

export type FileStatus = 'accepted' | 'flagged' | 'tampered' | 'rejected' | 'duplicate';

export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
	accepted: 'Accepted',
	flagged: 'Flagged: partly counted',
	tampered: 'Tampered: not counted',
	rejected: 'Rejected',
	duplicate: 'Duplicate: counted once',
};

export interface FileNote {
	tone: 'bad' | 'warn' | 'info';
	text: string;
}

export interface FileResult {
	/** Position in the list of files read (names may repeat). */
	index: number;
	name: string;
	status: FileStatus;
	notes: FileNote[];
	report?: Report;
	/** Re-scoring results for each attempt (accepted and flagged files). */
	checks?: AttemptCheck[];
	/** The attempts that count: re-scored as consistent and not contradicted by another file. */
	counted?: Attempt[];
}

/** A file as the page has it: a browser `File` fits. */
export interface ReportSource {
	name: string;
	size: number;
	text(): Promise<string>;
}

export interface CheckOptions {
	/** Fetches the quizzes with these ids from the bank (unknown ids are simply missing). */
	loadQuizzes(ids: string[]): Promise<Quiz[]>;
	/** Called after each file is read. */
	onProgress?(done: number, total: number): void;
	/** This site's public address; reports made elsewhere get a note. */
	siteUrl?: string;
}

/** Notes for text a spreadsheet or a page could mistake for code: shown as text, exported safely. */
export function hostileTextNotes(label: string, text: string): FileNote[] {
	const notes: FileNote[] = [];
	if (looksLikeFormula(text)) {
		notes.push({
			tone: 'warn',
			text: `${label} starts with “${text[0]}”, which a spreadsheet would run as a formula. It is shown as plain text here, and the CSV starts that cell with an apostrophe so it stays text.`,
		});
	}
	if (/[<>]/.test(text)) {
		notes.push({
			tone: 'warn',
			text: `${label} contains “<” or “>” (HTML markup). It is shown as plain text, never as part of the page.`,
		});
	}
	return notes;
}

const latestDate = (e: Evidence) => e.createdAt;

async function readOne(
	source: ReportSource,
	index: number,
	siteUrl: string | undefined,
): Promise<FileResult> {
	const name = source.name;
	if (source.size > MAX_REPORT_BYTES) {
		return {
			index,
			name,
			status: 'rejected',
			notes: [
				{
					tone: 'bad',
					text: `Rejected unread: it is ${(source.size / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_REPORT_BYTES / 1024 / 1024} MB. A report is a few kilobytes.`,
				},
			],
		};
	}
	let text: string;
	try {
		text = await source.text();
	} catch {
		return {
			index,
			name,
			status: 'rejected',
			notes: [{ tone: 'bad', text: 'Rejected: the file could not be read.' }],
		};
	}
	const opened = await openReport(text);
	if (!opened.ok) return { index, name, status: 'rejected', notes: [{ tone: 'bad', text: opened.message }] };
	const report = opened.report;
	const notes = [
		...hostileTextNotes('The learner name', report.evidence.learner.name),
		...hostileTextNotes('The assignment title', report.assignment.assigned.title),
	];
	if (!opened.digestMatches) {
		notes.unshift({
			tone: 'bad',
			text: 'Tampered: the file was changed after the site made it (its digest does not match its content). Nothing in it is counted; ask the learner for a fresh report.',
		});
		return { index, name, status: 'tampered', notes, report };
	}
	if (siteUrl && report.evidence.site.url !== siteUrl) {
		notes.push({ tone: 'info', text: `Made on another copy of the site (${report.evidence.site.url}).` });
	}
	return { index, name, status: 'accepted', notes, report };
}

/**
 * Reads and checks report files one by one (so hundreds of files keep the page responsive when the
 * caller yields between them via onProgress). Never throws for a bad file.
 */
export async function checkReportFiles(
	sources: readonly ReportSource[],
	options: CheckOptions,
): Promise<FileResult[]> {
	const results: FileResult[] = [];
	for (const [i, source] of sources.entries()) {
		results.push(
			i < MAX_REPORT_FILES
				? await readOne(source, i, options.siteUrl)
				: {
						index: i,
						name: source.name,
						status: 'rejected',
						notes: [
							{
								tone: 'bad',
								text: `Not read: at most ${MAX_REPORT_FILES.toLocaleString('en')} files are read at once. Load the rest separately.`,
							},
						],
					},
		);
		options.onProgress?.(i + 1, sources.length);
	}

	// The same report twice (same digest): count it once.
	const firstByDigest = new Map<string, FileResult>();
	for (const r of results) {
		if (r.status !== 'accepted' || !r.report) continue;
		const first = firstByDigest.get(r.report.digest);
		if (first) {
			r.status = 'duplicate';
			r.notes.unshift({ tone: 'info', text: `The same report as “${first.name}”: counted once.` });
		} else firstByDigest.set(r.report.digest, r);
	}

	const accepted = results.filter((r) => r.status === 'accepted' && r.report);
	const quizIds = [
		...new Set(accepted.flatMap((r) => r.report?.evidence.attempts.map((a) => a.quizId) ?? [])),
	];
	const bank = bankOf(quizIds.length ? await options.loadQuizzes(quizIds.sort()) : []);

	for (const r of accepted) {
		const report = r.report as Report;
		const checks = rescoreEvidence(report.evidence, bank);
		r.checks = checks;
		const good = new Set(checks.filter((c) => c.status === 'consistent').map((c) => c.attemptId));
		for (const c of checks.filter((x) => x.status !== 'consistent')) {
			const cannotCheck = c.status === 'unknown-quiz' || c.status === 'expired-revision';
			r.notes.push({
				tone: cannotCheck ? 'warn' : 'bad',
				text: `Attempt ${c.attemptId} (${c.quizId}, revision ${c.revision}): ${c.message}. Not counted.`,
			});
		}
		const made = report.evidence.createdAt;
		const late = [
			...report.evidence.attempts.filter((a) => a.submittedAt > made).map((a) => `attempt ${a.id}`),
			...report.evidence.modules.filter((m) => m.readAt > made).map((m) => `the read mark of ${m.id}`),
		];
		if (late.length) {
			r.notes.push({
				tone: 'bad',
				text: `Dated after the report was made (${made}): ${late.join(', ')}. The dates were edited; those attempts are not counted.`,
			});
			for (const a of report.evidence.attempts) if (a.submittedAt > made) good.delete(a.id);
		}
		r.counted = report.evidence.attempts.filter((a) => good.has(a.id));
		if (r.notes.some((n) => n.tone === 'bad')) r.status = 'flagged';
	}

	// One attempt id must mean one attempt: two files that disagree about it are both flagged.
	const seen = new Map<string, { text: string; file: FileResult }>();
	const contradicted = new Set<string>();
	for (const r of accepted) {
		for (const a of r.report?.evidence.attempts ?? []) {
			const text = canonicalJson(a);
			const other = seen.get(a.id);
			if (!other) seen.set(a.id, { text, file: r });
			else if (other.text !== text) {
				contradicted.add(a.id);
				for (const f of [r, other.file]) {
					f.status = 'flagged';
					f.notes.push({
						tone: 'bad',
						text: `Attempt ${a.id} differs from the copy in “${(f === r ? other.file : r).name}”: one of them was edited. Neither copy is counted.`,
					});
				}
			}
		}
	}
	for (const r of accepted) {
		if (r.counted) r.counted = r.counted.filter((a) => !contradicted.has(a.id));
	}
	return results;
}

/** The key learners are merged by: the name, normalised, trimmed, spaces collapsed, case folded. */
export const learnerKey = (name: string) =>
	name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

export interface TeamLearner {
	key: string;
	/** The name as written in the learner's most recent report. */
	name: string;
	files: string[];
	/** Each assignment once, from the most recent report that carries it. */
	assignments: ReportAssignment[];
	/** Counted attempts and read marks as a progress record, for the dashboard's completion rule. */
	data: ProgressData;
	lastReportAt: string;
}

export function mergeLearners(results: readonly FileResult[]): TeamLearner[] {
	const groups = new Map<string, FileResult[]>();
	for (const r of results) {
		if ((r.status !== 'accepted' && r.status !== 'flagged') || !r.report) continue;
		const key = learnerKey(r.report.evidence.learner.name);
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	return [...groups.entries()].map(([key, files]) => {
		const sorted = [...files].sort((a, b) =>
			latestDate((a.report as Report).evidence).localeCompare(latestDate((b.report as Report).evidence)),
		);
		const latest = sorted.at(-1)?.report as Report;
		const assignments = new Map<string, ReportAssignment>();
		const attempts = new Map<string, Attempt>();
		const read = new Map<string, string>();
		for (const f of sorted) {
			const report = f.report as Report;
			assignments.set(report.assignment.key, report.assignment);
			for (const a of f.counted ?? []) attempts.set(a.id, a);
			for (const m of report.evidence.modules) {
				const before = read.get(m.id);
				if (before === undefined || m.readAt < before) read.set(m.id, m.readAt);
			}
		}
		return {
			key,
			name: latest.evidence.learner.name,
			files: sorted.map((f) => f.name),
			assignments: [...assignments.values()],
			data: {
				attempts: [...attempts.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
				modules: Object.fromEntries(
					[...read].map(([id, at]) => [id, { firstOpenedAt: at, lastOpenedAt: at, completedAt: at }]),
				),
			},
			lastReportAt: latest.evidence.createdAt,
		};
	});
}

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

export interface TeamRow {
	key: string;
	name: string;
	files: string[];
	assignments: { key: string; title: string; due: string | undefined }[];
	/** One cell per column of the view, in column order. */
	cells: TeamCell[];
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
		return {
			key: l.key,
			name: l.name,
			files: l.files,
			assignments: l.assignments.map((a) => ({ key: a.key, title: a.assigned.title, due: a.assigned.due })),
			cells,
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

const pct = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100));

/** The status word a CSV row carries for the report files behind it. */
export const CSV_FILE_STATUS: Record<FileStatus, string> = {
	accepted: 'verified',
	flagged: 'flagged',
	tampered: 'tampered',
	duplicate: 'duplicate',
	rejected: 'rejected',
};

const reasonOf = (files: readonly FileResult[], tones: FileNote['tone'][]) =>
	files
		.flatMap((f) =>
			f.notes
				.filter((n) => tones.includes(n.tone))
				.map((n) => (files.length > 1 ? `${f.name}: ${n.text}` : n.text)),
		)
		.join(' | ');

/**
 * One line per learner and assigned module, each with the status of the report files behind it
 * (verified or flagged) and the reason; then one line per file that was not counted (tampered,
 * rejected) or counted once (duplicate), so a manager who forwards only the CSV forwards the
 * warnings too. A tampered file's learner name is not repeated: it is the part that cannot be
 * trusted.
 */
export function teamCsv(view: TeamView, rows: readonly TeamRow[], files: readonly FileResult[] = []): string {
	const out: CsvValue[][] = [
		[
			'Learner',
			'Assignments',
			'Module id',
			'Module',
			'Status',
			'Best score (%)',
			'Passed on',
			'Due',
			'Overdue',
			'Report files',
			'File status',
			'Reason',
		],
	];
	for (const r of rows) {
		const mine = files.filter(
			(f) =>
				(f.status === 'accepted' || f.status === 'flagged') &&
				f.report &&
				learnerKey(f.report.evidence.learner.name) === r.key,
		);
		const flagged = mine.filter((f) => f.status === 'flagged');
		const fileStatus = mine.length === 0 ? '' : flagged.length ? 'flagged' : 'verified';
		const reason = flagged.length ? reasonOf(flagged, ['bad', 'warn']) : reasonOf(mine, ['warn', 'info']);
		r.cells.forEach((c, i) => {
			if (!c.assigned) return;
			const m = view.columns[i] as TeamModule;
			out.push([
				r.name,
				r.assignments.map((a) => a.title).join('; '),
				m.id,
				m.title,
				cellStatus(c),
				pct(c.score),
				c.passedAt?.slice(0, 10),
				c.due,
				c.overdue,
				r.files.join('; '),
				fileStatus,
				reason,
			]);
		});
	}
	for (const f of files) {
		if (f.status === 'accepted' || f.status === 'flagged') continue;
		const name = f.status === 'duplicate' ? f.report?.evidence.learner.name : undefined;
		out.push([
			name,
			'',
			'',
			'',
			f.status === 'duplicate' ? 'Counted once' : 'Not counted',
			undefined,
			'',
			'',
			'',
			f.name,
			CSV_FILE_STATUS[f.status],
			reasonOf([f], ['bad', 'warn', 'info']),
		]);
	}
	return toCsv(out);
}

/** One line per learner, one column per provision: "yes" when a completed module teaches it. */
export function coverageCsv(view: TeamView, rows: readonly TeamRow[]): string {
	return toCsv([
		['Learner', `Provisions trained (of ${view.provisions.length})`, ...view.provisions.map((p) => p.id)],
		...rows.map((r) => [r.name, r.provisions.size, ...view.provisions.map((p) => r.provisions.has(p.id))]),
	]);
}
