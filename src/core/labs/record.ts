/**
 * Changes to one lab's record and what the learner's status is, used by the lab island and the
 * dashboard. Kept apart from progress.ts (the stored shapes and the merge), which every island
 * page loads with the progress store, so that only lab pages carry this code.
 */
import {
	keepPasses,
	type LabPass,
	LabPassSchema,
	type LabRecord,
	MAX_EXPLOIT_PAYLOAD,
	MAX_LAB_CODE,
} from './progress.ts';

// Statuses, the stage to open on and when the solution is offered moved to status.ts (no schemas
// there, so the lab page can show them before the store loads); kept importable from here.
export {
	exploitStage,
	LAB_STATUS_LABELS,
	type LabStatus,
	labStatus,
	RUNS_BEFORE_SOLUTION,
} from './status.ts';

export function withDraft(rec: LabRecord, code: string, now: string): LabRecord {
	return { ...rec, draft: { code: code.slice(0, MAX_LAB_CODE), savedAt: now } };
}

export function withFailedRun(rec: LabRecord): LabRecord {
	return { ...rec, failedRuns: rec.failedRuns + 1 };
}

export function withSolutionShown(rec: LabRecord, now: string): LabRecord {
	return rec.solutionShownAt ? rec : { ...rec, solutionShownAt: now };
}

export function withPass(rec: LabRecord, pass: Omit<LabPass, 'solutionShown'>): LabRecord {
	const full = LabPassSchema.parse({
		...pass,
		solutionShown: rec.solutionShownAt !== undefined && rec.solutionShownAt <= pass.at,
	});
	return { ...rec, passes: keepPasses([...rec.passes, full]) };
}

/** Records an attack that made the data leave from the starter (the latest one is kept). */
export function withExploitSuccess(
	rec: LabRecord,
	payload: string,
	now: string,
	revision: number,
): LabRecord {
	return {
		...rec,
		exploit: {
			...rec.exploit,
			success: { payload: payload.slice(0, MAX_EXPLOIT_PAYLOAD), at: now, revision },
		},
	};
}

/** Records that the learner skipped the attack stage (the first time only). */
export function withExploitSkipped(rec: LabRecord, now: string): LabRecord {
	return rec.exploit?.skippedAt ? rec : { ...rec, exploit: { ...rec.exploit, skippedAt: now } };
}

/** SHA-256 of text (UTF-8) as lower-case hex, with Web Crypto (browsers and Node). */
export async function sha256Hex(text: string): Promise<string> {
	const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
