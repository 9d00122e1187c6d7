/**
 * What the progress store keeps per lab: the learner's draft (so it survives a reload and travels
 * with export/import), how many runs failed (the reference solution is offered after three), when
 * the reference solution was shown, and each pass with the date, the lab revision, the passing
 * code and its SHA-256 digest; on labs with an exploit stage, the learner's successful attack (or
 * that they skipped that stage). Stored under `labs` in the progress record (optional, so records
 * written before labs existed stay valid). Changes to a record and the learner's status are in
 * record.ts.
 */
import { z } from '../../schemas/zod.ts';

const Id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
	.max(60);
const IsoDate = z.iso.datetime({ offset: true });

/** Longest code a draft or a pass keeps (characters). */
export const MAX_LAB_CODE = 50_000;
/** Passes kept per lab (the earliest and the latest matter; older ones in between are dropped). */
export const MAX_LAB_PASSES = 10;
export const MAX_LABS = 200;

export const LabPassSchema = z.strictObject({
	/** When the run passed. */
	at: IsoDate,
	/** The lab's revision at the time. */
	revision: z.int().min(1),
	/** The code that passed, as written (TypeScript before stripping). */
	code: z.string().max(MAX_LAB_CODE),
	/** SHA-256 of `code` (UTF-8), lower-case hex. */
	digest: z.string().regex(/^[0-9a-f]{64}$/),
	/** The run's seed: re-running with it draws the same variants. */
	seed: z.string().max(40),
	/** True when the reference solution had been shown before this pass. */
	solutionShown: z.boolean(),
});
export type LabPass = z.output<typeof LabPassSchema>;

/** Longest attack payload a record keeps (characters). */
export const MAX_EXPLOIT_PAYLOAD = 4000;

/** The exploit stage ("exploit first, then fix"), for labs that have one. */
export const LabExploitSchema = z.strictObject({
	/** The learner's latest attack that made the data leave from the starter code. */
	success: z
		.strictObject({
			/** The payload as the learner wrote it. */
			payload: z.string().max(MAX_EXPLOIT_PAYLOAD),
			/** When it worked. */
			at: IsoDate,
			/** The lab's revision at the time. */
			revision: z.int().min(1),
		})
		.optional(),
	/** When the learner first chose to skip the attack and go straight to the fix. */
	skippedAt: IsoDate.optional(),
});
export type LabExploit = z.output<typeof LabExploitSchema>;

export const LabRecordSchema = z.strictObject({
	/** The code in the editor, saved as the learner types. */
	draft: z.strictObject({ code: z.string().max(MAX_LAB_CODE), savedAt: IsoDate }).optional(),
	/** Runs that did not pass. */
	failedRuns: z.int().min(0).max(1_000_000).default(0),
	/** When the reference solution was first shown. */
	solutionShownAt: IsoDate.optional(),
	passes: z.array(LabPassSchema).max(MAX_LAB_PASSES).default([]),
	/** The exploit stage (optional, so records written before it existed stay valid). */
	exploit: LabExploitSchema.optional(),
});
export type LabRecord = z.output<typeof LabRecordSchema>;

export const LabsProgressSchema = z
	.record(Id, LabRecordSchema)
	.refine((r) => Object.keys(r).length <= MAX_LABS, { error: `more than ${MAX_LABS} labs` });
export type LabsProgress = z.output<typeof LabsProgressSchema>;

const earlier = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** Passes without duplicates, oldest first, capped: the first pass and the most recent ones. */
export function keepPasses(passes: LabPass[]): LabPass[] {
	const unique = new Map<string, LabPass>();
	for (const p of passes) unique.set(`${p.at}|${p.digest}`, p);
	const sorted = [...unique.values()].sort((a, b) => a.at.localeCompare(b.at));
	if (sorted.length <= MAX_LAB_PASSES) return sorted;
	// Keep the first pass (it dates the achievement) and the most recent ones.
	return [sorted[0] as LabPass, ...sorted.slice(-(MAX_LAB_PASSES - 1))];
}

/** The later successful attack wins; the first skip is kept. */
function mergeExploit(a?: LabExploit, b?: LabExploit): LabExploit | undefined {
	if (!a || !b) return a ?? b;
	const success =
		a.success && b.success
			? a.success.at >= b.success.at
				? a.success
				: b.success
			: (a.success ?? b.success);
	const skippedAt = earlier(a.skippedAt, b.skippedAt);
	return { ...(success ? { success } : {}), ...(skippedAt ? { skippedAt } : {}) };
}

/** Unites two records of one lab without losing a pass or an attack; the later draft wins. */
export function mergeLabRecord(a: LabRecord, b: LabRecord): LabRecord {
	const draft =
		a.draft && b.draft ? (a.draft.savedAt >= b.draft.savedAt ? a.draft : b.draft) : (a.draft ?? b.draft);
	const solutionShownAt = earlier(a.solutionShownAt, b.solutionShownAt);
	const exploit = mergeExploit(a.exploit, b.exploit);
	return {
		...(draft ? { draft } : {}),
		failedRuns: Math.max(a.failedRuns, b.failedRuns),
		...(solutionShownAt ? { solutionShownAt } : {}),
		passes: keepPasses([...a.passes, ...b.passes]),
		...(exploit ? { exploit } : {}),
	};
}

export function mergeLabs(
	a: LabsProgress | undefined,
	b: LabsProgress | undefined,
): LabsProgress | undefined {
	if (!a && !b) return undefined;
	const out: LabsProgress = {};
	for (const id of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
		const x = a && Object.hasOwn(a, id) ? a[id] : undefined;
		const y = b && Object.hasOwn(b, id) ? b[id] : undefined;
		out[id] = x && y ? mergeLabRecord(x, y) : ((x ?? y) as LabRecord);
	}
	const ids = Object.keys(out);
	if (ids.length <= MAX_LABS) return out;
	return Object.fromEntries(ids.slice(0, MAX_LABS).map((id) => [id, out[id] as LabRecord]));
}
