/**
 * The learner's record, as stored in the browser (see progress-store.ts for the envelope and
 * storage rules). Shapes are declared once as zod schemas because stored and imported data is
 * untrusted input: it is parsed, never cast.
 *
 * Example of stored data (version 1):
 * {
 *   "attempts": [{ "id": "l3k9x2-0", "quizId": "p01-awareness", "revision": 1, "mode": "assessment",
 *     "seed": "1x9k2", "questionIds": ["q3", "q1"], "answers": { "q3": { "choice": "a" } },
 *     "score": 0.9, "passed": true, "startedAt": "2026-11-23T10:00:00.000Z",
 *     "submittedAt": "2026-11-23T10:12:00.000Z" }],
 *   "modules": { "p01-awareness": { "firstOpenedAt": "…", "lastOpenedAt": "…" } },
 *   "lastBackupAt": "2026-11-23T10:20:00.000Z",
 *   "path": { "id": "developer", "chosenAt": "…" },
 *   "assignments": { "link-3f9a…": { "assignment": { "title": "…", "items": [{ "path": "developer" }] },
 *     "source": "link", "addedAt": "…" } }
 * }
 * Best scores and first-pass dates are derived from `attempts`, never stored twice.
 */

import { AssignmentSpecSchema } from '../../schemas/assignment.ts';
import { z } from '../../schemas/zod.ts';
import { LabsProgressSchema, mergeLabs } from '../labs/progress.ts';
import { MAX_NAME_LENGTH } from './limits.ts';

const Id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
	.max(60);
const IsoDate = z.iso.datetime({ offset: true });

/** Characters that have no place in a name: control characters and bidi overrides that could disguise it. */
const UNSAFE_NAME_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A learner's name as typed: any script, 1-120 characters, no control or bidi-override characters. */
export const LearnerNameSchema = z
	.string()
	.trim()
	.min(1, { error: 'the name is empty' })
	.max(MAX_NAME_LENGTH, { error: `the name is longer than ${MAX_NAME_LENGTH} characters` })
	.refine((s) => !UNSAFE_NAME_CHARS.test(s), {
		error: 'the name contains control or text-direction override characters',
	});

export const AttemptSchema = z.strictObject({
	/** Unique per attempt; merging two records keeps one copy of each id. */
	id: z.string().regex(/^[a-z0-9-]{1,40}$/),
	quizId: Id,
	/** The quiz revision the attempt was taken on. */
	revision: z.int().min(1),
	mode: z.enum(['practice', 'assessment']),
	seed: z.string().max(40),
	questionIds: z.array(Id).max(100),
	/** Answers by question id; each is validated against its question kind when scored. */
	answers: z.record(Id, z.unknown()),
	score: z.number().min(0).max(1),
	passed: z.boolean(),
	startedAt: IsoDate,
	submittedAt: IsoDate,
});
export type Attempt = z.output<typeof AttemptSchema>;

export const ModuleRecordSchema = z.strictObject({
	firstOpenedAt: IsoDate,
	lastOpenedAt: IsoDate,
	/** Set when the learner marks the module as read. */
	completedAt: IsoDate.optional(),
});
export type ModuleRecord = z.output<typeof ModuleRecordSchema>;

/** Limits keep a tampered or runaway record from exhausting storage or memory. */
export const MAX_ATTEMPTS = 5_000;
export const MAX_ASSIGNMENTS = 200;

/** An assignment the learner added, as it was given (see src/core/assignments/assignments.ts). */
export const StoredAssignmentSchema = z.strictObject({
	assignment: AssignmentSpecSchema,
	/** `link`: opened from an assignment link; `site`: a file published on this site. */
	source: z.enum(['link', 'site']),
	addedAt: IsoDate,
});
export type StoredAssignment = z.output<typeof StoredAssignmentSchema>;

export const ProgressDataSchema = z.strictObject({
	attempts: z.array(AttemptSchema).max(MAX_ATTEMPTS),
	modules: z.record(Id, ModuleRecordSchema),
	lastBackupAt: IsoDate.optional(),
	/** The name the learner wants on certificates and reports (kept only in this browser). */
	learnerName: LearnerNameSchema.optional(),
	/** The learning path the learner chose (an id from content/paths/), and when. */
	path: z.strictObject({ id: Id, chosenAt: IsoDate }).optional(),
	/** Assignments added, by key: `link-<check value>` (from a link) or `site-<file id>`. */
	assignments: z
		.record(Id, StoredAssignmentSchema)
		.refine((r) => Object.keys(r).length <= MAX_ASSIGNMENTS, {
			error: `more than ${MAX_ASSIGNMENTS} assignments`,
		})
		.optional(),
	/** Lab drafts, runs and passes, by lab id (see src/core/labs/progress.ts). */
	labs: LabsProgressSchema.optional(),
});
export type ProgressData = z.output<typeof ProgressDataSchema>;

const earlier = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const later = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/**
 * Combines two records without losing anything: attempts are united by id, module dates keep the
 * earliest first-open and completion and the latest last-open. Used for imports and for
 * read-merge-write between tabs.
 */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
	const attempts = new Map<string, Attempt>();
	for (const at of [...a.attempts, ...b.attempts]) if (!attempts.has(at.id)) attempts.set(at.id, at);
	const modules: Record<string, ModuleRecord> = {};
	for (const id of new Set([...Object.keys(a.modules), ...Object.keys(b.modules)])) {
		const x = Object.hasOwn(a.modules, id) ? a.modules[id] : undefined;
		const y = Object.hasOwn(b.modules, id) ? b.modules[id] : undefined;
		const completedAt = earlier(x?.completedAt, y?.completedAt);
		modules[id] = {
			firstOpenedAt: earlier(x?.firstOpenedAt, y?.firstOpenedAt) as string,
			lastOpenedAt: later(x?.lastOpenedAt, y?.lastOpenedAt) as string,
			...(completedAt ? { completedAt } : {}),
		};
	}
	const lastBackupAt = later(a.lastBackupAt, b.lastBackupAt);
	// The name already here wins over an imported one; the learner can change it afterwards.
	const learnerName = a.learnerName ?? b.learnerName;
	// So does the chosen path.
	const path = a.path ?? b.path;
	const assignments = mergeAssignments(a.assignments, b.assignments);
	const labs = mergeLabs(a.labs, b.labs);
	return {
		attempts: [...attempts.values()]
			.sort((p, q) => p.submittedAt.localeCompare(q.submittedAt) || p.id.localeCompare(q.id))
			.slice(-MAX_ATTEMPTS),
		modules,
		...(lastBackupAt ? { lastBackupAt } : {}),
		...(learnerName ? { learnerName } : {}),
		...(path ? { path } : {}),
		...(assignments ? { assignments } : {}),
		...(labs ? { labs } : {}),
	};
}

/** Assignments united by key; for a key in both, the copy here wins, with the earlier added date. */
function mergeAssignments(
	a: ProgressData['assignments'],
	b: ProgressData['assignments'],
): ProgressData['assignments'] {
	if (!a && !b) return undefined;
	const out: Record<string, StoredAssignment> = { ...b, ...a };
	for (const key of Object.keys(out)) {
		const x = a && Object.hasOwn(a, key) ? a[key] : undefined;
		const y = b && Object.hasOwn(b, key) ? b[key] : undefined;
		if (x && y) out[key] = { ...x, addedAt: earlier(x.addedAt, y.addedAt) as string };
	}
	const keys = Object.keys(out);
	if (keys.length <= MAX_ASSIGNMENTS) return out;
	// Over the limit (only reachable by merging two full records): keep the most recently added.
	const kept = keys
		.sort((p, q) => (out[q]?.addedAt ?? '').localeCompare(out[p]?.addedAt ?? ''))
		.slice(0, MAX_ASSIGNMENTS);
	return Object.fromEntries(kept.map((k) => [k, out[k] as StoredAssignment]));
}

// Reads of the record that need no schemas (emptyProgress, quizStats) are in stats.ts, so islands
// can show progress before the store has loaded; the name's limit is in limits.ts.
export { MAX_NAME_LENGTH };

/** Removes one quiz's attempts. */
export function withoutQuiz(data: ProgressData, quizId: string): ProgressData {
	return { ...data, attempts: data.attempts.filter((a) => a.quizId !== quizId) };
}

/** Records that a module was opened (and, optionally, completed) at `now`. */
export function withModuleVisit(
	data: ProgressData,
	moduleId: string,
	now: string,
	completed = false,
): ProgressData {
	const prev = Object.hasOwn(data.modules, moduleId) ? data.modules[moduleId] : undefined;
	const completedAt = prev?.completedAt ?? (completed ? now : undefined);
	return {
		...data,
		modules: {
			...data.modules,
			[moduleId]: {
				firstOpenedAt: prev?.firstOpenedAt ?? now,
				lastOpenedAt: now,
				...(completedAt ? { completedAt } : {}),
			},
		},
	};
}

/** Sets (or, with an empty name, clears) the name used on certificates and reports. */
export function withLearnerName(data: ProgressData, name: string): ProgressData {
	const { learnerName: _old, ...rest } = data;
	const trimmed = name.trim();
	return trimmed ? { ...rest, learnerName: LearnerNameSchema.parse(trimmed) } : rest;
}

/** Chooses a learning path (or, with undefined, clears the choice). */
export function withPath(data: ProgressData, pathId: string | undefined, now: string): ProgressData {
	const { path: _old, ...rest } = data;
	return pathId ? { ...rest, path: { id: pathId, chosenAt: now } } : rest;
}

/** Adds an assignment under `key`; one already there is kept as it is. */
export function withAssignment(
	data: ProgressData,
	key: string,
	given: Omit<StoredAssignment, 'addedAt'>,
	now: string,
): ProgressData {
	if (data.assignments && Object.hasOwn(data.assignments, key)) return data;
	if (Object.keys(data.assignments ?? {}).length >= MAX_ASSIGNMENTS) {
		throw new RangeError(
			`you already have ${MAX_ASSIGNMENTS} assignments: remove one you have finished first`,
		);
	}
	const next = { ...data.assignments, [key]: StoredAssignmentSchema.parse({ ...given, addedAt: now }) };
	return { ...data, assignments: next };
}

/** Removes the assignment under `key` (its modules' progress stays). */
export function withoutAssignment(data: ProgressData, key: string): ProgressData {
	if (!data.assignments || !Object.hasOwn(data.assignments, key)) return data;
	const { [key]: _gone, ...assignments } = data.assignments;
	return { ...data, assignments };
}
