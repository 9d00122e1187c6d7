/**
 * Step 2 of the team report (see team-report.ts): the usable files grouped by learner name
 * (trimmed, case- and space-insensitive), so several reports from one person count once: attempts
 * are united, read marks keep the earliest date. Only attempts that re-scored as consistent count.
 */
import type { LabPassCheck } from '../labs/recheck.ts';
import type { Attempt, ProgressData } from '../progress/progress.ts';
import { type FileResult, latestDate } from './check-files.ts';
import type { Report, ReportAssignment } from './report.ts';

/** The key learners are merged by: the name, normalised, trimmed, spaces collapsed, case folded. */
export const learnerKey = (name: string) =>
	name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * A learner's standing on a lab, from the re-run of their recorded passes: passed on the published
 * revision on their own, passed with the solution shown, the re-run failed (or the code or date was
 * edited), passed on a revision no longer published, or not checked (the sandbox could not run it).
 */
export type TeamLabStatus =
	| 'passed'
	| 'passed-with-solution'
	| 're-run-failed'
	| 'older-revision'
	| 'not-checked';

export interface TeamLabResult {
	status: TeamLabStatus;
	/** When the pass was recorded. */
	at: string;
	/** The re-run's verdict in plain words. */
	message: string;
}

/** Best first: a learner's lab shows the best standing any of their reports backs. */
const LAB_RANK: TeamLabStatus[] = [
	'passed',
	'passed-with-solution',
	'older-revision',
	're-run-failed',
	'not-checked',
];

export function teamLabStatus(c: LabPassCheck): TeamLabStatus {
	if (c.status === 'passed') return c.solutionShown ? 'passed-with-solution' : 'passed';
	if (c.status === 'expired-revision') return 'older-revision';
	if (c.status === 'not-run') return 'not-checked';
	return 're-run-failed';
}

export interface TeamLearner {
	key: string;
	/** The name as written in the learner's most recent report. */
	name: string;
	files: string[];
	/** Each assignment once, from the most recent report that carries it. */
	assignments: ReportAssignment[];
	/** Counted attempts and read marks as a progress record, for the dashboard's completion rule. */
	data: ProgressData;
	/** Per lab id: the best standing the learner's re-run lab passes back (tampered files excluded). */
	labs: Record<string, TeamLabResult>;
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
		const labs = new Map<string, TeamLabResult>();
		for (const f of sorted) {
			for (const c of f.labChecks ?? []) {
				const next = { status: teamLabStatus(c), at: c.at, message: c.message };
				const before = labs.get(c.lab);
				const rank = (x: TeamLabResult) => LAB_RANK.indexOf(x.status);
				if (!before || rank(next) < rank(before) || (rank(next) === rank(before) && next.at < before.at))
					labs.set(c.lab, next);
			}
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
			labs: Object.fromEntries(labs),
			lastReportAt: latest.evidence.createdAt,
		};
	});
}
