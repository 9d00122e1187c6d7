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
import type { z } from 'astro/zod';
import { type ProgressData, ProgressDataSchema } from './progress.ts';

export const CURRENT_VERSION = 1;
export const EXPORT_FORMAT = 'secure-ai-academy/progress';
/** Largest import file accepted (a full record of every quiz taken many times is under 1 MB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * JSON.parse that refuses `__proto__` keys. Our own files never contain one, so its presence
 * means the data was crafted; zod would silently drop it, but we would rather say so.
 */
export function parseJson(text: string): unknown {
	return JSON.parse(text, (key, value) => {
		if (key === '__proto__') throw new SyntaxError('a "__proto__" key is not allowed');
		return value;
	});
}

/** `migrations[n]` turns version-n data into version n+1 data. */
export const migrations: Record<number, (data: unknown) => unknown> = {};

export type DecodeResult =
	| { ok: true; data: ProgressData; fromVersion: number }
	| { ok: false; reason: 'corrupt' | 'future' | 'invalid'; message: string };

/** The first three zod issues as `path: message`, for messages people read. */
export function issuesText(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
		.join('; ');
}

/** Brings data of `version` up to CURRENT_VERSION and validates it. */
export function migrate(version: number, data: unknown): DecodeResult {
	if (!Number.isInteger(version) || version < 1) {
		return { ok: false, reason: 'invalid', message: `unknown version ${JSON.stringify(version)}` };
	}
	if (version > CURRENT_VERSION) {
		return {
			ok: false,
			reason: 'future',
			message: `saved by a newer version of this site (format ${version}; this site reads up to ${CURRENT_VERSION})`,
		};
	}
	let current = data;
	for (let v = version; v < CURRENT_VERSION; v++) {
		const step = migrations[v];
		if (!step) return { ok: false, reason: 'invalid', message: `no migration from version ${v}` };
		current = step(current);
	}
	const parsed = ProgressDataSchema.safeParse(current);
	if (!parsed.success) return { ok: false, reason: 'invalid', message: issuesText(parsed.error) };
	return { ok: true, data: parsed.data, fromVersion: version };
}

/** Reads the local-storage value. `null` (nothing stored) is an empty record, not an error. */
export function decodeStored(raw: string | null): DecodeResult {
	if (raw === null) return { ok: true, data: { attempts: [], modules: {} }, fromVersion: CURRENT_VERSION };
	let value: unknown;
	try {
		value = parseJson(raw);
	} catch (e) {
		return {
			ok: false,
			reason: 'corrupt',
			message: `the stored progress is not valid JSON (${(e as Error).message})`,
		};
	}
	if (typeof value !== 'object' || value === null || !('version' in value) || !('data' in value)) {
		return {
			ok: false,
			reason: 'corrupt',
			message: 'the stored progress is not in the expected { version, data } form',
		};
	}
	const { version, data } = value as { version: unknown; data: unknown };
	return migrate(typeof version === 'number' ? version : Number.NaN, data);
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
	| { ok: false; message: string };

/**
 * Validates an export file chosen by the learner. Anything not ours, tampered, too big or from a
 * newer version is refused with a message saying what is wrong; nothing is changed.
 */
export function decodeImport(text: string, byteLength = new TextEncoder().encode(text).length): ImportResult {
	if (byteLength > MAX_IMPORT_BYTES) {
		return {
			ok: false,
			message: `This file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; a progress file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Choose the file this site exported.`,
		};
	}
	let value: unknown;
	try {
		value = parseJson(text);
	} catch (e) {
		const crafted = (e as Error).message.includes('__proto__');
		return {
			ok: false,
			message: crafted
				? 'This file looks edited or damaged, so nothing was imported (it contains a "__proto__" key).'
				: 'This file is not a progress export: it is not valid JSON.',
		};
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		(value as { format?: unknown }).format !== EXPORT_FORMAT
	) {
		return {
			ok: false,
			message:
				'This file is not a Secure AI Academy progress export (its "format" field is missing or different).',
		};
	}
	const file = value as { version?: unknown; data?: unknown; contentVersion?: unknown; exportedAt?: unknown };
	const result = migrate(typeof file.version === 'number' ? file.version : Number.NaN, file.data);
	if (!result.ok) {
		return {
			ok: false,
			message:
				result.reason === 'future'
					? `This file was ${result.message}. Update this site, or import it where it was exported.`
					: `This file looks edited or damaged, so nothing was imported (${result.message}).`,
		};
	}
	return {
		ok: true,
		data: result.data,
		contentVersion: typeof file.contentVersion === 'string' ? file.contentVersion.slice(0, 40) : undefined,
		exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt.slice(0, 40) : undefined,
	};
}
