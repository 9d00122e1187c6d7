/**
 * The report a learner sends a manager for one assignment: the evidence behind their results
 * (the same evidence certificates carry, see evidence.ts), what was assigned, a readable summary,
 * and a digest over all of it.
 *
 * Example (`secure-ai-academy-report-….json`):
 * {
 *   "format": "secure-ai-academy/report", "version": 1,
 *   "assignment": { "key": "link-3f9a0c1d2b4e5f60", "source": "link",
 *     "assigned": { "title": "Platform team: AI security", "due": "2027-03-31", "items": [{ "path": "developer" }] },
 *     "modules": ["p01-awareness", "p02-secure-design", …] },
 *   "evidence": { "format": "secure-ai-academy/evidence", "version": 1, …, "attempts": [ … ],
 *     "labs": [{ "lab": "markdown-image-exfiltration", "revision": 1, "code": "…", "digest": "…", … }] },
 *   "summary": "Assignment report\n…",
 *   "digest": "<SHA-256 hex of the RFC 8785 canonical JSON of every field above>"
 * }
 *
 * The evidence carries one pass per lab that practises an assigned module (the catalog's lab → module
 * link; see chosenLabPass in evidence.ts); the team report runs its code again in the sandbox.
 * `assignment.modules` lists the modules the assignment stood for when the report was made, so a
 * manager sees what the learner was asked to do even if paths change later. The digest shows the
 * file is as the site wrote it; it is not a signature, and the answers inside are what a manager's
 * page trusts: it marks them again against the quiz bank.
 */

import { AssignmentSpecSchema } from '../../schemas/assignment.ts';
import { SlugIdSchema } from '../../schemas/vocabulary.ts';
import { z } from '../../schemas/zod.ts';
import { type AssignmentCatalog, resolveItems, studyProgress } from '../assignments/assignments.ts';
import { problemDetail } from '../envelope/messages.ts';
import { openEnvelope } from '../envelope/open.ts';
import { percent } from '../progress/labels.ts';
import type { Attempt, ProgressData, StoredAssignment } from '../progress/progress.ts';
import {
	collectEvidence,
	digestOf,
	type Evidence,
	type EvidenceMeta,
	EvidenceSchema,
} from '../quiz/evidence.ts';
import { reportProblemText } from './messages.ts';

export const REPORT_FORMAT = 'secure-ai-academy/report';
export const REPORT_VERSION = 1;
/** Largest report file read (a report is a few kilobytes; a thousand retries stay under 2 MB). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;
/** Deepest nesting accepted (a report nests about 8 levels). */
export const MAX_REPORT_DEPTH = 16;

export const ReportAssignmentSchema = z.strictObject({
	/** The key the learner's progress keeps it under: `link-<check value>` or `site-<file id>`. */
	key: z.string().regex(/^(link|site)-[a-z0-9-]{1,55}$/),
	source: z.enum(['link', 'site']),
	/** The assignment exactly as given. */
	assigned: AssignmentSpecSchema,
	/** The modules it stood for when the report was made, in order. */
	modules: z.array(SlugIdSchema).max(200),
});
export type ReportAssignment = z.output<typeof ReportAssignmentSchema>;

export const ReportSchema = z.strictObject({
	format: z.literal(REPORT_FORMAT),
	version: z.literal(REPORT_VERSION),
	assignment: ReportAssignmentSchema,
	evidence: EvidenceSchema,
	/** Plain-text summary for a person reading the file. */
	summary: z.string().max(100_000),
	digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Report = z.output<typeof ReportSchema>;

/** Evidence seen as a progress record: read marks become completed modules. */
export function evidenceAsProgress(
	evidence: Evidence,
	attempts: readonly Attempt[] = evidence.attempts,
): ProgressData {
	return {
		attempts: [...attempts],
		modules: Object.fromEntries(
			evidence.modules.map((m) => [
				m.id,
				{ firstOpenedAt: m.readAt, lastOpenedAt: m.readAt, completedAt: m.readAt },
			]),
		),
	};
}

const STATE = { completed: 'completed', 'in-progress': 'in progress', 'not-started': 'not started' } as const;

/** The readable summary inside a report (deterministic: ISO dates, no locale). */
export function reportSummary(
	assignment: ReportAssignment,
	evidence: Evidence,
	catalog: AssignmentCatalog,
): string {
	const a = assignment.assigned;
	const byId = new Map(catalog.modules.map((m) => [m.id, m]));
	const modules = assignment.modules.flatMap((id) => {
		const m = byId.get(id);
		return m ? [m] : [];
	});
	const progress = studyProgress(evidenceAsProgress(evidence), modules);
	const lines = [
		`Assignment report: ${a.title}`,
		`Learner: ${evidence.learner.name}`,
		`Due: ${a.due ?? 'no due date'}`,
		`Made: ${evidence.createdAt} on ${evidence.site.name} (${evidence.site.url}), content version ${evidence.contentVersion}`,
		'',
		`Completed ${progress.completed} of ${progress.total} assigned modules.`,
		...progress.modules.map((m) => {
			const bits: string[] = [STATE[m.state]];
			if (m.bestScore !== undefined) bits.push(`best score ${percent(m.bestScore)}`);
			if (m.passedAt) bits.push(`passed ${m.passedAt.slice(0, 10)}`);
			return `- ${m.title} (${m.id}): ${bits.join(', ')}`;
		}),
		'',
		...(evidence.labs?.length
			? [
					'',
					'Labs passed (each pass is checked by running its code again):',
					...evidence.labs.map(
						(l) =>
							`- ${l.lab} (revision ${l.revision}): passed ${l.at.slice(0, 10)}${l.solutionShown ? ', with the solution shown' : ''}`,
					),
				]
			: []),
		'',
		`Assessment attempts included: ${evidence.attempts.length}. Modules marked as read: ${evidence.modules.length}.`,
		'This file holds the answers behind these results, so the team report page can mark them again.',
		...(evidence.labs?.length
			? ['It also holds the code of each lab pass, so the team report page can run it again.']
			: []),
	];
	return `${lines.join('\n')}\n`;
}

/** Everything in a report except its digest: the value the digest is taken over. */
function digestedPart(r: Omit<Report, 'digest'>) {
	return {
		format: r.format,
		version: r.version,
		assignment: r.assignment,
		evidence: r.evidence,
		summary: r.summary,
	};
}

export interface ReportInput {
	data: ProgressData;
	key: string;
	stored: Pick<StoredAssignment, 'assignment' | 'source'>;
	/** With `labs`, the report carries the passes of the labs of the assigned modules. */
	catalog: AssignmentCatalog;
	meta: EvidenceMeta;
}

/** Builds the report for one assignment from the learner's progress. */
export async function buildReport({ data, key, stored, catalog, meta }: ReportInput): Promise<Report> {
	const { modules } = resolveItems(stored.assignment.items, catalog);
	const assignment: ReportAssignment = {
		key,
		source: stored.source,
		assigned: stored.assignment,
		modules: modules.map((m) => m.id),
	};
	const assigned = new Set(assignment.modules);
	const evidence = collectEvidence(
		data,
		{
			moduleIds: assignment.modules,
			quizIds: modules.flatMap((m) => (m.quiz ? [m.quiz.id] : [])),
			labs: (catalog.labs ?? []).filter((l) => assigned.has(l.module)),
		},
		meta,
	);
	const body = digestedPart({
		format: REPORT_FORMAT,
		version: REPORT_VERSION,
		assignment,
		evidence,
		summary: reportSummary(assignment, evidence, catalog),
	});
	return ReportSchema.parse({ ...body, digest: await digestOf(body) });
}

export const encodeReport = (report: Report) => `${JSON.stringify(report, null, 2)}\n`;

/** A file name for a report: assignment, date; ASCII only so every system accepts it. */
export function reportFileName(report: Report): string {
	const slug = (s: string) =>
		s
			.normalize('NFKD')
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.toLowerCase()
			.slice(0, 40) || 'assignment';
	return `secure-ai-academy-report-${slug(report.assignment.assigned.title)}-${report.evidence.createdAt.slice(0, 10)}.json`;
}

export type OpenedReport =
	| { ok: true; report: Report; digestMatches: boolean }
	/** `detail`: the parser's own words, for a disclosure (never the headline). */
	| { ok: false; message: string; detail?: string };

/**
 * Reads a report file someone sent. Anything that is not a report of a version this site reads
 * is refused with the reason; a report whose digest does not match is returned with
 * `digestMatches: false`, for the caller to flag.
 */
export async function openReport(text: string, byteLength?: number): Promise<OpenedReport> {
	const opened = openEnvelope(
		text,
		{
			limits: { maxBytes: MAX_REPORT_BYTES, maxDepth: MAX_REPORT_DEPTH },
			format: { field: 'format', value: REPORT_FORMAT },
			version: { field: 'version', current: REPORT_VERSION },
			schema: ReportSchema,
		},
		byteLength,
	);
	if (!opened.ok) {
		const detail = problemDetail(opened.problem);
		return {
			ok: false,
			message: reportProblemText(opened.problem, REPORT_VERSION),
			...(detail ? { detail } : {}),
		};
	}
	const parsed = { data: opened.value };
	const value = opened.raw;
	// The digest is over the file as written (not the parsed copy), field by field.
	const raw = value as Report;
	const digestMatches = (await digestOf(digestedPart(raw))) === parsed.data.digest;
	return { ok: true, report: parsed.data, digestMatches };
}
