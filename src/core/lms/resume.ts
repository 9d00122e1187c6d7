/**
 * The resume state a package leaves in the LMS (SCORM `suspend_data`, the cmi5 AU's state
 * document), so a learner who comes back on another device finds modules read and assessments
 * passed. It must fit the standard's limit: LMSs cut longer values without a word.
 *
 * Encoding ("compact"): `1~` then JSON with no key names: modules are numbered by their place in
 * the package, dates are whole seconds in base 36, scores thousandths. Only assessment attempts
 * of the package's quizzes are kept (practice does not count toward anything in an LMS). All
 * characters are ASCII (non-ASCII is written as \uXXXX), so characters, UTF-16 units and bytes
 * agree and no LMS can count the length differently.
 *
 * What does not fit is never cut: whole attempts are left out, most valuable first kept (each
 * quiz's best attempt on its current revision, then the newest), the number left out is written
 * into the state (`o`), and they stay in the browser's local record, which keeps everything.
 */
import { type Attempt, AttemptSchema } from '../progress/progress.ts';
import type { LmsFormat, PackageModule } from './scope.ts';

/** Characters of resume state each standard guarantees (SCORM 1.2 CMIString4096; 2004 SPM 64,000). */
export const RESUME_LIMITS: Record<LmsFormat, number> = {
	scorm12: 4096,
	scorm2004: 64_000,
	// cmi5 keeps the state in an xAPI State document, which has no limit; the 2004 figure keeps it modest.
	cmi5: 64_000,
};

export interface ResumeState {
	/** Modules of the package marked as read, with when (ISO date). */
	read: Record<string, string>;
	/** Assessment attempts on the package's quizzes. */
	attempts: Attempt[];
}

export interface EncodedResume {
	text: string;
	/** Attempts written into `text`. */
	included: number;
	/** Attempts that did not fit (kept in local storage only). */
	omitted: number;
}

const VERSION = '1~';
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000).toString(36);
const iso = (s36: string) => new Date(Number.parseInt(s36, 36) * 1000).toISOString();

function asciiJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[\u007f-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/** Attempts in the order they are worth keeping: each quiz's best current-revision attempt, then newest first. */
export function prioritise(attempts: readonly Attempt[], modules: readonly PackageModule[]): Attempt[] {
	const revision = new Map(modules.map((m) => [m.quizId, m.quizRevision]));
	const rest = [...attempts].sort(
		(a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id),
	);
	const best: Attempt[] = [];
	for (const m of modules) {
		const mine = rest.filter((a) => a.quizId === m.quizId && a.revision === revision.get(a.quizId));
		const top = mine.sort((a, b) => b.score - a.score || b.submittedAt.localeCompare(a.submittedAt))[0];
		if (top) best.push(top);
	}
	return [...best, ...rest.filter((a) => !best.includes(a))];
}

type Row = [number, string, number, number, number, string, string, number, string[], unknown];

function row(a: Attempt, index: number): Row {
	const duration = Math.max(0, Math.round((Date.parse(a.submittedAt) - Date.parse(a.startedAt)) / 1000));
	return [
		index,
		a.id,
		a.revision,
		Math.round(a.score * 1000),
		a.passed ? 1 : 0,
		a.seed,
		sec(a.startedAt),
		duration,
		a.questionIds,
		a.answers,
	];
}

function render(read: [number, string][], rows: Row[], omitted: number): string {
	return VERSION + asciiJson(omitted > 0 ? { r: read, a: rows, o: omitted } : { r: read, a: rows });
}

/**
 * Encodes the state within `limit` characters. Throws only if even the list of modules read does
 * not fit (impossible for the catalogue's packages at SCORM 1.2's 4,096; tested).
 */
export function encodeResume(
	state: ResumeState,
	modules: readonly PackageModule[],
	limit: number,
): EncodedResume {
	const index = new Map(modules.map((m, i) => [m.id, i]));
	const quizIndex = new Map(modules.flatMap((m, i) => (m.quizId ? [[m.quizId, i] as const] : [])));
	const read: [number, string][] = Object.entries(state.read)
		.filter(([id]) => index.has(id))
		.map(([id, at]) => [index.get(id) as number, sec(at)]);
	const candidates = prioritise(
		state.attempts.filter((a) => a.mode === 'assessment' && quizIndex.has(a.quizId)),
		modules,
	);
	const base = render(read, [], 0);
	if (base.length > limit)
		throw new Error(`the list of modules read needs ${base.length} characters; the limit is ${limit}`);
	const rows: Row[] = [];
	for (const a of candidates) {
		const r = row(a, quizIndex.get(a.quizId) as number);
		const omittedIfAdded = candidates.length - rows.length - 1;
		if (render(read, [...rows, r], omittedIfAdded).length <= limit) rows.push(r);
	}
	let text = render(read, rows, candidates.length - rows.length);
	// Writing the omitted count can add a digit or two: drop the last kept attempt until it fits.
	while (text.length > limit && rows.length > 0) {
		rows.pop();
		text = render(read, rows, candidates.length - rows.length);
	}
	return { text, included: rows.length, omitted: candidates.length - rows.length };
}

export interface DecodedResume extends ResumeState {
	/** Attempts the LMS copy left out because they did not fit (they stay on the device that made them). */
	omitted: number;
}

/** Reads resume state back; returns undefined for empty, foreign or damaged text (never throws). */
export function decodeResume(text: string, modules: readonly PackageModule[]): DecodedResume | undefined {
	if (!text.startsWith(VERSION)) return undefined;
	let raw: unknown;
	try {
		raw = JSON.parse(text.slice(VERSION.length));
	} catch {
		return undefined;
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const { r, a, o } = raw as { r?: unknown; a?: unknown; o?: unknown };
	if (!Array.isArray(r) || !Array.isArray(a)) return undefined;
	const read: Record<string, string> = {};
	for (const item of r) {
		if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[1] !== 'string') return undefined;
		const m = modules[item[0]];
		if (m) read[m.id] = iso(item[1]);
	}
	const attempts: Attempt[] = [];
	for (const item of a) {
		if (!Array.isArray(item) || item.length !== 10) return undefined;
		const [i, id, revision, milli, passed, seed, start, duration, questionIds, answers] = item as Row;
		const quizId = modules[i]?.quizId;
		if (!quizId || typeof start !== 'string' || typeof duration !== 'number') return undefined;
		const startedAt = iso(start);
		const parsed = AttemptSchema.safeParse({
			id,
			quizId,
			revision,
			mode: 'assessment',
			seed,
			questionIds,
			answers,
			score: milli / 1000,
			passed: passed === 1,
			startedAt,
			submittedAt: new Date(Date.parse(startedAt) + duration * 1000).toISOString(),
		});
		if (!parsed.success) return undefined;
		attempts.push(parsed.data);
	}
	return { read, attempts, omitted: typeof o === 'number' && o > 0 ? o : 0 };
}
