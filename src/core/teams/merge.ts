/**
 * Step 2 of the team report (see team-report.ts): the usable files grouped by learner name
 * (trimmed, case- and space-insensitive), so several reports from one person count once: attempts
 * are united, read marks keep the earliest date. Only attempts that re-scored as consistent count.
 */
import type { Attempt, ProgressData } from '../progress/progress.ts';
import { type FileResult, latestDate } from './check-files.ts';
import type { Report, ReportAssignment } from './report.ts';

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
