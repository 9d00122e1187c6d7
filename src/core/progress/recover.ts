/**
 * Recovering a set-aside copy: the stored progress that could not be read whole (store.ts keeps
 * it under `saa:progress:corrupt:<time>`). Recovery keeps every part that validates on its own
 * (each attempt, each module record, the name, the path, each assignment) and drops the rest,
 * saying what was dropped. A `__proto__` key is dropped where it stands (it never reaches an
 * object), so one crafted key does not throw away an otherwise valid record. Attempts are then
 * re-scored like an import (screen.ts) by the caller, which has the quiz bank.
 *
 * Downloads of a set-aside copy use this wrapper, so the file can be imported on the dashboard:
 *   { "format": "secure-ai-academy/set-aside", "version": 1, "keptAs": "saa:progress:corrupt:…",
 *     "raw": "<the stored text, unchanged>" }
 */

import { z } from '../../schemas/zod.ts';
import {
	AttemptSchema,
	LearnerNameSchema,
	MAX_ASSIGNMENTS,
	MAX_ATTEMPTS,
	ModuleRecordSchema,
	type ProgressData,
	StoredAssignmentSchema,
} from './progress.ts';
import { emptyProgress } from './stats.ts';

export const SET_ASIDE_FORMAT = 'secure-ai-academy/set-aside';

/** The downloadable, importable form of a set-aside copy. */
export const encodeSetAside = (keptAs: string, raw: string) =>
	`${JSON.stringify({ format: SET_ASIDE_FORMAT, version: 1, keptAs, raw }, null, 2)}\n`;

/** The raw text inside a set-aside download, or undefined when `value` is not one. */
export function setAsideRaw(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = value as { format?: unknown; raw?: unknown };
	return v.format === SET_ASIDE_FORMAT && typeof v.raw === 'string' ? v.raw : undefined;
}

export interface Recovered {
	data: ProgressData;
	/** What was dropped, one plain sentence each. */
	dropped: string[];
}

const IdKey = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IsoDate = z.iso.datetime({ offset: true });
const PathSchema = z.strictObject({ id: z.string().regex(IdKey).max(60), chosenAt: IsoDate });

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps every part of `raw` (a stored value, an export, or bare progress data) that validates. */
export function recoverProgress(raw: string): Recovered {
	const dropped: string[] = [];
	let value: unknown;
	try {
		let protoKeys = 0;
		value = JSON.parse(raw, (key, v) => {
			if (key === '__proto__') {
				protoKeys++;
				return undefined; // dropped: never assigned, so no prototype is touched
			}
			return v;
		});
		if (protoKeys)
			dropped.push(`${protoKeys} "__proto__" key${protoKeys === 1 ? '' : 's'} (never part of a record)`);
	} catch {
		return {
			data: emptyProgress(),
			dropped: ['everything: the copy is not JSON, so no part of it can be read'],
		};
	}
	if (isObject(value) && 'data' in value && isObject(value.data)) value = value.data;
	if (!isObject(value))
		return { data: emptyProgress(), dropped: ['everything: the copy holds no progress record'] };
	const data = emptyProgress();
	const attempts = Array.isArray(value.attempts) ? value.attempts : [];
	if (value.attempts !== undefined && !Array.isArray(value.attempts))
		dropped.push('the attempts (not a list)');
	attempts.forEach((a, i) => {
		const label = `attempt ${i + 1}${isObject(a) && typeof a.quizId === 'string' ? ` (${a.quizId.slice(0, 60)})` : ''}`;
		const r = AttemptSchema.safeParse(a);
		if (!r.success) {
			const field = r.error.issues[0]?.path.join('.');
			dropped.push(field ? `${label}: its ${field} is not valid` : `${label}: it is not an attempt`);
		} else if (data.attempts.some((x) => x.id === r.data.id))
			dropped.push(`${label}: a second copy of attempt ${r.data.id}`);
		else if (data.attempts.length >= MAX_ATTEMPTS)
			dropped.push(`${label}: over the limit of ${MAX_ATTEMPTS} attempts`);
		else data.attempts.push(r.data);
	});
	if (isObject(value.modules)) {
		for (const [id, m] of Object.entries(value.modules)) {
			const r = ModuleRecordSchema.safeParse(m);
			if (IdKey.test(id) && id.length <= 60 && r.success) data.modules[id] = r.data;
			else dropped.push(`the record of module "${id.slice(0, 60)}"`);
		}
	} else if (value.modules !== undefined) dropped.push('the module records (not an object)');
	const optional: [string, z.ZodType, (v: never) => void][] = [
		['lastBackupAt', IsoDate, (v) => (data.lastBackupAt = v)],
		['learnerName', LearnerNameSchema, (v) => (data.learnerName = v)],
		['path', PathSchema, (v) => (data.path = v)],
	];
	for (const [key, schema, set] of optional) {
		if (value[key] === undefined) continue;
		const r = schema.safeParse(value[key]);
		if (r.success) set(r.data as never);
		else
			dropped.push(
				`the ${key === 'learnerName' ? 'name' : key === 'path' ? 'chosen path' : 'last backup date'}`,
			);
	}
	if (isObject(value.assignments)) {
		const kept: NonNullable<ProgressData['assignments']> = {};
		for (const [key, a] of Object.entries(value.assignments)) {
			const r = StoredAssignmentSchema.safeParse(a);
			if (IdKey.test(key) && r.success && Object.keys(kept).length < MAX_ASSIGNMENTS) kept[key] = r.data;
			else dropped.push(`the assignment "${key.slice(0, 60)}"`);
		}
		if (Object.keys(kept).length) data.assignments = kept;
	}
	const known = new Set(['attempts', 'modules', 'lastBackupAt', 'learnerName', 'path', 'assignments']);
	for (const key of Object.keys(value))
		if (!known.has(key)) dropped.push(`an unknown field "${key.slice(0, 60)}"`);
	return { data, dropped };
}
