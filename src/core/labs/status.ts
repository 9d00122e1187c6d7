/**
 * Reading one lab's record and naming where the learner stands, with no schemas: the dashboard,
 * the assignment views and the lab status badge import this up front, and the progress store
 * (with zod) loads after the page has shown (issue #22). The stored shapes and the merge are in
 * progress.ts; changes to a record in record.ts.
 */
import type { LabRecord, LabsProgress } from './progress.ts';

export function emptyLabRecord(): LabRecord {
	return { failedRuns: 0, passes: [] };
}

export function labRecord(labs: LabsProgress | undefined, id: string): LabRecord {
	return labs && Object.hasOwn(labs, id) ? (labs[id] as LabRecord) : emptyLabRecord();
}

export type LabStatus =
	| 'not-started'
	| 'in-progress'
	| 'passed'
	| 'passed-with-solution'
	| 'passed-older-revision';

/**
 * Where the learner stands: passed on the current revision (on their own, or with the solution
 * shown), passed only on an older revision, started (a draft or a run), or not started.
 */
export function labStatus(rec: LabRecord, currentRevision: number): LabStatus {
	const current = rec.passes.filter((p) => p.revision === currentRevision);
	if (current.some((p) => !p.solutionShown)) return 'passed';
	if (current.length > 0) return 'passed-with-solution';
	if (rec.passes.length > 0) return 'passed-older-revision';
	return rec.draft || rec.failedRuns > 0 ? 'in-progress' : 'not-started';
}

export const LAB_STATUS_LABELS: Record<LabStatus, string> = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	passed: 'Completed',
	'passed-with-solution': 'Completed with the solution shown',
	'passed-older-revision': 'Completed on an earlier version of the lab',
};

/** Failed runs after which the reference solution is offered without asking. */
export const RUNS_BEFORE_SOLUTION = 3;

/**
 * Which stage a lab with an exploit stage opens on: the attack until the learner's attack has
 * worked or they skipped it, then the fix.
 */
export function exploitStage(rec: LabRecord): 'attack' | 'fix' {
	return rec.exploit?.success || rec.exploit?.skippedAt ? 'fix' : 'attack';
}
