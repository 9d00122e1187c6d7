/**
 * How progress is written down: the local-storage envelope and the export file, with migrations
 * from older versions. Pure functions over strings and plain data.
 *
 * Local storage, key `saa:progress`:   { "version": 1, "data": ProgressData }
 * Export file (`*.json`):              { "format": "secure-ai-academy/progress", "version": 1,
 *                                        "contentVersion": "2026.11.1", "exportedAt": "…", "data": ProgressData }
 *
 * Versions:
 *   1 (2026-11): attempts, modules, lastBackupAt. The first stored shape; nothing older exists.
 *     Later additions to version 1, all optional, so older records stay valid with no migration:
 *     learnerName (certificates and reports); path and assignments (learning paths, assignments).
 * Adding version N+1: bump CURRENT_VERSION, add `migrations[N]` (a pure function from the version-N
 * data to version N+1), and add a fixture `tests/fixtures/progress/vN.json` that stays forever.
 * Migration scenarios:
 *   - stored version < current: migrated step by step, then written back on the next save;
 *   - stored version > current (a newer site wrote it): not read, not overwritten; the learner is
 *     told, and the page keeps its progress in memory only;
 *   - not JSON, or not an envelope, or data failing the schema: kept aside unchanged, the learner
 *     is told and can download it; a clean record starts.
 */

import { problemDetail } from '../envelope/messages.ts';
import { type EnvelopeProblem, type EnvelopeSpec, issuesText, openEnvelope } from '../envelope/open.ts';
import { parseJson } from '../envelope/untrusted-json.ts';
import { importProblemText, storedProblemText } from './messages.ts';
import { type ProgressData, ProgressDataSchema } from './progress.ts';

// Re-exported for the callers that read them from here.
export { issuesText, parseJson };

export const CURRENT_VERSION = 1;
export const EXPORT_FORMAT = 'secure-ai-academy/progress';
/** Largest import file accepted (a full record of every quiz taken many times is under 1 MB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Stored progress is written by this site; these limits only stop a planted value from hanging the page. */
const STORED_LIMITS = { maxBytes: 50 * 1024 * 1024, maxDepth: 32 };
const MAX_DEPTH = 32;

/** `migrations[n]` turns version-n data into version n+1. */
export const migrations: Record<number, (data: unknown) => unknown> = {};

export type DecodeResult =
	| { ok: true; data: ProgressData; fromVersion: number }
	| { ok: false; reason: 'corrupt' | 'future' | 'invalid'; message: string };

/** The envelope's `data`, checked after the version and its migrations. */
const dataEnvelope = (
	limits: EnvelopeSpec<ProgressData>['limits'],
	format?: EnvelopeSpec<ProgressData>['format'],
): EnvelopeSpec<ProgressData> => ({
	limits,
	...(format ? { format } : {}),
	version: { field: 'version', current: CURRENT_VERSION, migrate: migrations },
	select: (raw) => raw.data,
	schema: ProgressDataSchema,
});

const reasonOf = (p: EnvelopeProblem): 'corrupt' | 'future' | 'invalid' =>
	p.code === 'newer-version'
		? 'future'
		: p.code === 'invalid' || p.code === 'unknown-version'
			? 'invalid'
			: 'corrupt';

/** Brings data of `version` up to CURRENT_VERSION and validates it. */
export function migrate(version: number, data: unknown): DecodeResult {
	const r = openEnvelope(JSON.stringify({ version, data }), dataEnvelope(STORED_LIMITS));
	if (r.ok) return { ok: true, data: r.value, fromVersion: r.version };
	return { ok: false, reason: reasonOf(r.problem), message: storedProblemText(r.problem) };
}

/** Reads the local-storage value. `null` (nothing stored) is an empty record, not an error. */
export function decodeStored(raw: string | null): DecodeResult {
	if (raw === null) return { ok: true, data: { attempts: [], modules: {} }, fromVersion: CURRENT_VERSION };
	const r = openEnvelope(raw, dataEnvelope(STORED_LIMITS));
	if (r.ok) return { ok: true, data: r.value, fromVersion: r.version };
	return { ok: false, reason: reasonOf(r.problem), message: storedProblemText(r.problem) };
}

export function encodeStored(data: ProgressData): string {
	return JSON.stringify({ version: CURRENT_VERSION, data });
}

export function encodeExport(data: ProgressData, contentVersion: string, now: string): string {
	return `${JSON.stringify(
		{ format: EXPORT_FORMAT, version: CURRENT_VERSION, contentVersion, exportedAt: now, data },
		null,
		2,
	)}\n`;
}

export type ImportResult =
	| { ok: true; data: ProgressData; contentVersion: string | undefined; exportedAt: string | undefined }
	/** `detail`: the parser's own words, for a disclosure (never the headline). */
	| { ok: false; message: string; detail?: string };

/**
 * Validates an export file chosen by the learner. Anything not ours, tampered, too big or from a
 * newer version is refused with a message saying what is wrong; nothing is changed.
 */
export function decodeImport(text: string, byteLength = new TextEncoder().encode(text).length): ImportResult {
	const r = openEnvelope(
		text,
		dataEnvelope(
			{ maxBytes: MAX_IMPORT_BYTES, maxDepth: MAX_DEPTH },
			{ field: 'format', value: EXPORT_FORMAT },
		),
		byteLength,
	);
	if (!r.ok) {
		const detail = problemDetail(r.problem);
		return {
			ok: false,
			message: importProblemText(r.problem, MAX_IMPORT_BYTES, CURRENT_VERSION),
			...(detail ? { detail } : {}),
		};
	}
	const { contentVersion, exportedAt } = r.raw;
	return {
		ok: true,
		data: r.value,
		contentVersion: typeof contentVersion === 'string' ? contentVersion.slice(0, 40) : undefined,
		exportedAt: typeof exportedAt === 'string' ? exportedAt.slice(0, 40) : undefined,
	};
}
