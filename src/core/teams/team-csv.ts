/**
 * Step 4 of the team report (see team-report.ts): the CSV files a manager downloads, written with
 * formula-injection escaping (csv.ts).
 */

import type { FileNote, FileResult, FileStatus } from './check-files.ts';
import { type CsvValue, toCsv } from './csv.ts';
import { learnerKey } from './merge.ts';
import type { TeamModule } from './team-catalog.ts';
import { cellStatus, labCellStatus, type TeamRow, type TeamView } from './view.ts';

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
 * One line per learner and assigned module, then one per learner and lab of an assigned module
 * (module id = the lab's id, module = "Lab: <title>", status from the re-run), each with the status of the report files behind it
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
		r.labs.forEach((c, i) => {
			if (!c.assigned && c.status === 'none') return;
			const lab = view.labColumns[i];
			if (!lab) return;
			out.push([
				r.name,
				r.assignments.map((a) => a.title).join('; '),
				lab.id,
				`Lab: ${lab.title}`,
				labCellStatus(c),
				undefined,
				c.status === 'none' ? '' : c.at?.slice(0, 10),
				'',
				'',
				r.files.join('; '),
				fileStatus,
				c.status === 're-run-failed' || c.status === 'older-revision' || c.status === 'not-checked'
					? (c.message ?? '')
					: reason,
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
