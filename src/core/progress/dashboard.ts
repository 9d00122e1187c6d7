/**
 * What the learner dashboard shows, derived from progress and a small catalog summary.
 * Pure: the island passes data in and renders the result.
 */
import type { Track } from '../../schemas/vocabulary.ts';
import type { ProgressData } from './progress.ts';
import { quizStats } from './stats.ts';

/** The catalog facts the dashboard needs (serialised into the page at build time). */
export interface CatalogSummary {
	principles: { number: number; title: string }[];
	modules: {
		id: string;
		title: string;
		track: Track;
		order: number;
		principles: number[];
		minutes: number;
		quiz?: { id: string; revision: number } | undefined;
	}[];
}

export type ModuleState = 'not-started' | 'in-progress' | 'completed';

export interface ModuleProgress {
	id: string;
	title: string;
	track: Track;
	state: ModuleState;
	/** Best assessment score on the current quiz revision (0-1), if any. */
	bestScore: number | undefined;
	passedAt: string | undefined;
	/** Passed on an older revision only. */
	passedOlderRevision: number | undefined;
	lastOpenedAt: string | undefined;
}

/**
 * The completion rule: a module is completed when its assessment has been passed on the current
 * quiz revision (or, for a module without a quiz, when the learner marked it as read). Opening a
 * module, or attempting its quiz, makes it in progress.
 */
export function moduleProgress(data: ProgressData, m: CatalogSummary['modules'][number]): ModuleProgress {
	const visit = Object.hasOwn(data.modules, m.id) ? data.modules[m.id] : undefined;
	const stats = m.quiz ? quizStats(data, m.quiz.id, m.quiz.revision) : undefined;
	const completed = m.quiz ? stats?.firstPassedAt !== undefined : visit?.completedAt !== undefined;
	const started = visit !== undefined || (stats?.attempts.length ?? 0) > 0;
	return {
		id: m.id,
		title: m.title,
		track: m.track,
		state: completed ? 'completed' : started ? 'in-progress' : 'not-started',
		bestScore: stats?.bestScoreCurrent,
		passedAt: stats?.firstPassedAt,
		passedOlderRevision: stats?.passedOnOlderRevision?.revision,
		lastOpenedAt: later(visit?.lastOpenedAt, stats?.lastAttempt?.submittedAt),
	};
}

function later(a?: string, b?: string) {
	return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}

export interface Dashboard {
	modules: ModuleProgress[];
	completed: number;
	total: number;
	byTrack: { track: Track; completed: number; total: number }[];
	byPrinciple: {
		number: number;
		title: string;
		completed: number;
		total: number;
		bestScore: number | undefined;
	}[];
	/** The most recently used module that is not completed. */
	continueWith: ModuleProgress | undefined;
	/** The first module, in track order, not yet completed. */
	next: ModuleProgress | undefined;
	attempts: number;
}

const TRACK_ORDER: Track[] = ['principles', 'ncsc', 'secure-coding', 'ml-complexity'];

export function buildDashboard(data: ProgressData, catalog: CatalogSummary): Dashboard {
	const sorted = [...catalog.modules].sort(
		(a, b) => TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track) || a.order - b.order,
	);
	const modules = sorted.map((m) => moduleProgress(data, m));
	const byId = new Map(modules.map((m) => [m.id, m]));
	const open = modules.filter((m) => m.state !== 'completed');
	const recent = open
		.filter((m) => m.lastOpenedAt !== undefined)
		.sort((a, b) => (b.lastOpenedAt as string).localeCompare(a.lastOpenedAt as string))[0];
	return {
		modules,
		completed: modules.filter((m) => m.state === 'completed').length,
		total: modules.length,
		byTrack: TRACK_ORDER.map((track) => {
			const list = modules.filter((m) => m.track === track);
			return { track, total: list.length, completed: list.filter((m) => m.state === 'completed').length };
		}).filter((t) => t.total > 0),
		byPrinciple: catalog.principles.map((p) => {
			const list = sorted
				.filter((m) => m.track === 'principles' && m.principles.includes(p.number)) // the NCSC crosswalk lists principles too, but does not complete them
				.map((m) => byId.get(m.id) as ModuleProgress);
			const scores = list.map((m) => m.bestScore).filter((s): s is number => s !== undefined);
			return {
				number: p.number,
				title: p.title,
				total: list.length,
				completed: list.filter((m) => m.state === 'completed').length,
				bestScore: scores.length ? Math.max(...scores) : undefined,
			};
		}),
		continueWith: recent,
		next: open.find((m) => m.id !== recent?.id) ?? open[0],
		attempts: data.attempts.length,
	};
}
