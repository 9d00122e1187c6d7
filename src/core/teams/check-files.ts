/**
 * Step 1 of the team report (see team-report.ts): checking learners' report files. Reads each
 * file (refusing oversized ones unread), opens it as a report, drops exact duplicates, marks every
 * attempt again against the quiz bank (evidence.ts), and flags what does not hold together. Each
 * file gets a status and plain-language notes.
 */
import type { Quiz } from '../../schemas/quiz.ts';
import type { LabPassCheck } from '../labs/recheck.ts';
import type { Attempt } from '../progress/progress.ts';
import {
	type AttemptCheck,
	bankOf,
	canonicalJson,
	type Evidence,
	type EvidenceLab,
	rescoreEvidence,
} from '../quiz/evidence.ts';
import { looksLikeFormula } from './csv.ts';
import { MAX_REPORT_BYTES, openReport, type Report } from './report.ts';

/** Most files read in one go. */
export const MAX_REPORT_FILES = 2_000;
/**
 * Most distinct lab passes run again in one go (identical passes in several files run once). A run
 * takes about a quarter of a second, so this caps the wait at a few minutes; passes beyond it are
 * reported as not checked.
 */
export const MAX_LAB_RECHECKS = 600;

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
	/** Technical detail (the JSON parser's words), shown behind a disclosure. */
	detail?: string;
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
	/** Each recorded lab pass run again, in the order of the evidence (accepted and flagged files). */
	labChecks?: LabPassCheck[];
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
	/**
	 * Runs recorded lab passes again (labs/recheck.ts) in a sandbox: the lab page's worker in the
	 * browser. Called once, with every distinct pass, only when some report carries lab passes;
	 * without it those passes are reported as not checked.
	 */
	checkLabs?(
		entries: EvidenceLab[],
		onProgress: (done: number, total: number) => void,
	): Promise<LabPassCheck[]>;
	/** Called after each lab pass is run again. */
	onLabProgress?(done: number, total: number): void;
}

/** The key under which identical passes (same lab, revision, seed and code) are run once. */
const passKey = (e: EvidenceLab) => `${e.lab}|${e.revision}|${e.seed}|${e.digest}|${e.code}`;

/** Runs every distinct lab pass of these files again; the checks come back per file, in order. */
async function checkLabPasses(files: readonly FileResult[], options: CheckOptions): Promise<void> {
	const unique = new Map<string, EvidenceLab>();
	for (const f of files) for (const e of f.report?.evidence.labs ?? []) unique.set(passKey(e), e);
	if (unique.size === 0) return;
	const toRun = [...unique.values()].slice(0, MAX_LAB_RECHECKS);
	const done = new Map<string, LabPassCheck>();
	if (options.checkLabs) {
		const checks = await options.checkLabs(toRun, (n, total) => options.onLabProgress?.(n, total));
		toRun.forEach((e, i) => {
			const c = checks[i];
			if (c) done.set(passKey(e), c);
		});
	}
	for (const f of files) {
		f.labChecks = (f.report?.evidence.labs ?? []).map((e): LabPassCheck => {
			const c = done.get(passKey(e));
			if (c) return { ...c, at: e.at, solutionShown: e.solutionShown };
			return {
				lab: e.lab,
				title: e.lab,
				revision: e.revision,
				at: e.at,
				solutionShown: e.solutionShown,
				status: 'not-run',
				message: options.checkLabs
					? `not run again: more than ${MAX_LAB_RECHECKS} distinct lab passes were loaded at once`
					: 'not run again here',
			};
		});
	}
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

/** One row of the file list: a file, and the identical copies of it loaded as well. */
export interface FileGroup {
	file: FileResult;
	/** Duplicates of `file` (same report digest), in the order they were read. */
	copies: FileResult[];
}

/**
 * Groups identical copies of a report under one row, so 200 copies of one report read as one
 * row with "199 identical copies", not 199 rows. A duplicate whose first copy is not in `files`
 * heads its own group. Order follows `files`.
 */
export function groupCopies(files: readonly FileResult[]): FileGroup[] {
	const groups: FileGroup[] = [];
	const byDigest = new Map<string, FileGroup>();
	for (const f of files) {
		const lead = f.status === 'rejected' ? undefined : f.report?.digest;
		const existing = lead === undefined ? undefined : byDigest.get(lead);
		if (existing && f.status === 'duplicate') {
			existing.copies.push(f);
			continue;
		}
		const g: FileGroup = { file: f, copies: [] };
		groups.push(g);
		if (lead !== undefined && !existing) byDigest.set(lead, g);
	}
	return groups;
}

/** The date a report was made, for ordering a learner's reports. */
export const latestDate = (e: Evidence) => e.createdAt;

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
	if (!opened.ok) {
		const note: FileNote = { tone: 'bad', text: opened.message };
		if (opened.detail) note.detail = opened.detail;
		return { index, name, status: 'rejected', notes: [note] };
	}
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
	await checkLabPasses(accepted, options);

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
		for (const c of r.labChecks ?? []) {
			if (c.at > made) {
				r.notes.push({
					tone: 'bad',
					text: `Lab “${c.title}”: the pass is dated after the report was made (${made}); the date was edited. Not counted.`,
				});
				c.status = 'failed';
				c.message = 'dated after the report was made';
			} else if (c.status === 'failed' || c.status === 'digest-mismatch' || c.status === 'unknown-lab') {
				r.notes.push({
					tone: 'bad',
					text: `Lab “${c.title}” (revision ${c.revision}): ${c.message}. Not counted.`,
				});
			} else if (c.status !== 'passed') {
				r.notes.push({
					tone: 'warn',
					text: `Lab “${c.title}” (revision ${c.revision}): ${c.message}. Not counted.`,
				});
			}
		}
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
