/**
 * From the learner's progress record to what an LMS is told: the package's status (read,
 * completed, score, passed) and, per format, the SCORM data model values or the cmi5 verbs.
 * Pure; the runtime adapter only moves these values over the wire.
 */
import type { ProgressData } from '../progress/progress.ts';
import { quizStats } from '../progress/stats.ts';
import type { PackageScope } from './scope.ts';

export interface PackageStatus {
	/** Modules of the package marked as read. */
	read: number;
	total: number;
	completed: boolean;
	/** Whether any assessment in the package has been taken (on the current revision). */
	attempted: boolean;
	/** 0-1, or undefined before any assessment (or when the package has none). */
	scaled: number | undefined;
	/** The threshold used: the LMS's mastery score if it sent one, else the package's. */
	mastery: number | undefined;
	/** undefined until the assessment (in a path: every assessment) has been taken. */
	passed: boolean | undefined;
	/** The module to resume at: the first one not yet read and passed, else the first. */
	nextModule: string;
}

/**
 * The package's status from the progress record. `lmsMastery` is the mastery score the LMS sent
 * (SCORM 1.2 `cmi.student_data.mastery_score` / 100, 2004 `cmi.scaled_passing_score`, cmi5
 * `masteryScore`); when present it decides pass or fail, as each standard requires.
 */
export function packageStatus(data: ProgressData, scope: PackageScope, lmsMastery?: number): PackageStatus {
	const isRead = (id: string) => Boolean(Object.hasOwn(data.modules, id) && data.modules[id]?.completedAt);
	const read = scope.modules.filter((m) => isRead(m.id)).length;
	const assessed = scope.modules.filter((m) => m.quizId !== undefined);
	const stats = assessed.map((m) => ({
		m,
		s: quizStats(data, m.quizId as string, m.quizRevision ?? 1),
	}));
	const attempted = stats.some(({ s }) => s.bestScoreCurrent !== undefined);
	let scaled: number | undefined;
	if (attempted) {
		if (scope.modules.length === 1) scaled = stats[0]?.s.bestScoreCurrent;
		else scaled = stats.filter(({ s }) => s.firstPassedAt !== undefined).length / stats.length;
	}
	const mastery = lmsMastery ?? scope.masteryScore;
	// A path is judged once every assessment in it has been taken; until then it is neither.
	const allTaken = stats.every(({ s }) => s.bestScoreCurrent !== undefined);
	const judged = scaled !== undefined && mastery !== undefined && (scope.modules.length === 1 || allTaken);
	const passed = judged ? (scaled as number) >= (mastery as number) - 1e-9 : undefined;
	const done = (id: string) => {
		const st = stats.find(({ m }) => m.id === id)?.s;
		return isRead(id) && (st === undefined || st.firstPassedAt !== undefined);
	};
	const next = scope.modules.find((m) => !done(m.id)) ?? scope.modules[0];
	return {
		read,
		total: scope.modules.length,
		completed: read === scope.modules.length,
		attempted,
		scaled,
		mastery,
		passed,
		nextModule: next?.id ?? '',
	};
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours up to 9999). */
export function scorm12Time(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.min(9999, Math.floor(cs / 360_000));
	const m = Math.floor((cs % 360_000) / 6000);
	const s = (cs % 6000) / 100;
	return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** ISO 8601 duration as SCORM 2004 and xAPI write it, e.g. PT1H2M3.45S. */
export function isoDuration(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.floor(cs / 360_000);
	const m = Math.floor((cs % 360_000) / 6000);
	const s = (cs % 6000) / 100;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

const raw = (scaled: number) => String(Math.round(scaled * 10000) / 100);

/**
 * SCORM 1.2 values. 1.2 has one status field, so a result wins over completion: passed or failed
 * once an assessment was taken, else completed once every module is read, else incomplete.
 */
export function scorm12Values(st: PackageStatus): [string, string][] {
	const status =
		st.passed === true
			? 'passed'
			: st.passed === false
				? 'failed'
				: st.completed
					? 'completed'
					: 'incomplete';
	const out: [string, string][] = [['cmi.core.lesson_status', status]];
	if (st.scaled !== undefined) {
		out.push(
			['cmi.core.score.raw', raw(st.scaled)],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
		);
	}
	return out;
}

/** SCORM 2004 values: completion and success are separate, and the scaled score is reported too. */
export function scorm2004Values(st: PackageStatus): [string, string][] {
	const out: [string, string][] = [
		['cmi.completion_status', st.completed ? 'completed' : 'incomplete'],
		['cmi.progress_measure', String(Math.round((st.read / Math.max(1, st.total)) * 1000) / 1000)],
		['cmi.success_status', st.passed === true ? 'passed' : st.passed === false ? 'failed' : 'unknown'],
	];
	if (st.scaled !== undefined) {
		out.push(
			['cmi.score.scaled', String(Math.round(st.scaled * 10000) / 10000)],
			['cmi.score.raw', raw(st.scaled)],
			['cmi.score.min', '0'],
			['cmi.score.max', '100'],
		);
	}
	return out;
}

/**
 * Which cmi5 verbs are now due, given what was already sent. cmi5 allows one Completed and one
 * Passed per registration, and one Failed per session (never after Passed).
 */
export function cmi5Due(
	st: PackageStatus,
	sent: { completed: boolean; passed: boolean; failedThisSession: boolean },
): ('completed' | 'passed' | 'failed')[] {
	const due: ('completed' | 'passed' | 'failed')[] = [];
	if (st.completed && !sent.completed) due.push('completed');
	if (st.passed === true && !sent.passed) due.push('passed');
	if (st.passed === false && !sent.passed && !sent.failedThisSession) due.push('failed');
	return due;
}
