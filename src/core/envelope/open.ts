/**
 * THE pipeline for opening untrusted data: every file, link and stored value the site did not
 * just write itself goes through `openEnvelope` (progress imports and stored progress, learners'
 * report files, assignment links, credentials and verification links). In order:
 *
 *   1. size, nesting depth, JSON, `__proto__` keys   (untrusted-json.ts)
 *   2. an object                                      (not-object)
 *   3. the format marker, when the envelope has one   (wrong-format)
 *   4. the version: missing, newer, or never made     (no-version, newer-version, unknown-version)
 *      then the migrations from older versions
 *   5. the schema                                     (invalid, with `issuesText`)
 *
 * The result is a value or a problem code with its data; words come from envelope/messages.ts
 * (shared) and each feature's messages.ts.
 */
import type { z } from '../../schemas/zod.ts';
import { type JsonLimits, type JsonProblem, readUntrustedJson } from './untrusted-json.ts';

export type EnvelopeProblem =
	| JsonProblem
	| { code: 'not-object' }
	| { code: 'wrong-format'; found: unknown }
	| { code: 'no-version' }
	| { code: 'newer-version'; version: number; current: number }
	| { code: 'unknown-version'; version: unknown }
	| { code: 'invalid'; issues: string; error: z.ZodError };

export type Opened<T> =
	| { ok: true; value: T; raw: Record<string, unknown>; version: number }
	| { ok: false; problem: EnvelopeProblem };

export interface EnvelopeSpec<T> {
	limits: JsonLimits;
	/** The format marker: `field` must hold `value`. Omit for data that carries none. */
	format?: { field: string; value: string };
	/** The version field and the version this site writes. Omit for data that carries none. */
	version?: {
		field: string;
		current: number;
		/** `migrate[n]` turns the version-n value into version n+1 (applied before the schema). */
		migrate?: Record<number, (value: unknown) => unknown>;
	};
	/** The part of the envelope the schema checks (default: all of it). */
	select?: (raw: Record<string, unknown>) => unknown;
	schema: z.ZodType<T>;
}

/** The first three zod issues as `path: message`, for messages people read. */
export function issuesText(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
		.join('; ');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stages 2-5 on an already parsed value (e.g. the payload of a checked signature). */
export function checkEnvelope<T>(value: unknown, spec: Omit<EnvelopeSpec<T>, 'limits'>): Opened<T> {
	if (!isObject(value)) return { ok: false, problem: { code: 'not-object' } };
	if (spec.format && value[spec.format.field] !== spec.format.value)
		return { ok: false, problem: { code: 'wrong-format', found: value[spec.format.field] } };
	let version = spec.version?.current ?? 0;
	let selected = (spec.select ?? ((raw) => raw))(value);
	if (spec.version) {
		const v = value[spec.version.field];
		if (v === undefined) return { ok: false, problem: { code: 'no-version' } };
		if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
			return { ok: false, problem: { code: 'unknown-version', version: v } };
		if (v > spec.version.current)
			return { ok: false, problem: { code: 'newer-version', version: v, current: spec.version.current } };
		for (let n = v; n < spec.version.current; n++) {
			const step = spec.version.migrate?.[n];
			if (!step) return { ok: false, problem: { code: 'unknown-version', version: v } };
			selected = step(selected);
		}
		version = v;
	}
	const parsed = spec.schema.safeParse(selected);
	if (!parsed.success)
		return { ok: false, problem: { code: 'invalid', issues: issuesText(parsed.error), error: parsed.error } };
	return { ok: true, value: parsed.data, raw: value, version };
}

/** All five stages on text. */
export function openEnvelope<T>(text: string, spec: EnvelopeSpec<T>, byteLength?: number): Opened<T> {
	const json = readUntrustedJson(text, spec.limits, byteLength);
	if (!json.ok) return { ok: false, problem: json.problem };
	return checkEnvelope(json.value, spec);
}
