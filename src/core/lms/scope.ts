/**
 * What goes into one LMS package: a module, a learning path or the whole course, as one
 * SCORM SCO (or one cmi5 AU) that covers one or more module pages. Pure: it takes the parsed
 * catalogue and returns plain data that the manifest builders, the packager and the runtime
 * share (the runtime reads the same data from `lms-package.json` at the package root).
 *
 * Scoring rules (the same for every format, so a learner sees the same result everywhere):
 * - One module: the score is the best assessment score on the quiz's current revision; the
 *   mastery score is the quiz's pass mark.
 * - Several modules: the score is the share of the modules' assessments passed (each by its own
 *   pass mark); the mastery score is 1, so the package is passed only when every one is passed.
 *   A mean of scores would let a high score on one module hide a failed one.
 * - Completion: every module in the package marked as read.
 */

export const LMS_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

export const FORMAT_LABELS: Record<LmsFormat, string> = {
	scorm12: 'SCORM 1.2',
	scorm2004: 'SCORM 2004 4th edition',
	cmi5: 'cmi5',
};

export type ScopeKind = 'module' | 'path' | 'course';

export interface PackageModule {
	id: string;
	title: string;
	summary: string;
	/** The quiz whose assessment counts, if the module has one. */
	quizId?: string;
	quizRevision?: number;
	/** The quiz's pass mark (0-1). */
	passMark?: number;
}

export interface PackageScope {
	kind: ScopeKind;
	/** Stable id: the module or path id, or "course". */
	id: string;
	title: string;
	description: string;
	modules: PackageModule[];
	/** Scaled score (0-1) at or above which the package is passed; undefined when nothing is assessed. */
	masteryScore: number | undefined;
}

/** The launch file of a module page inside a package (every page sits two folders deep). */
export function launchFile(moduleId: string): string {
	return `modules/${moduleId}/index.html`;
}

/** The file at the package root that the runtime reads to learn its scope. */
export const PACKAGE_DATA_FILE = 'lms-package.json';

/** Activity ids (cmi5 and xAPI) and SCORM identifiers are derived from this IRI base. */
export function activityIri(siteUrl: string, scope: Pick<PackageScope, 'kind' | 'id'>): string {
	return `${siteUrl.replace(/\/$/, '')}/lms/${scope.kind}/${scope.id}`;
}

interface ModuleLike {
	id: string;
	title: string;
	summary: string;
	quiz?: string | undefined;
	track: string;
	order: number;
}
interface QuizLike {
	id: string;
	revision: number;
	passMark: number;
}
interface PathLike {
	id: string;
	title: string;
	summary: string;
	steps: readonly { module: string }[];
}

export interface ScopeInput {
	modules: readonly ModuleLike[];
	quizzes: readonly QuizLike[];
	paths: readonly PathLike[];
	/** Track order (modules of tracks not listed are left out, as in the build). */
	tracks: readonly string[];
	courseTitle: string;
	courseDescription: string;
}

function packageModule(m: ModuleLike, quizzes: ReadonlyMap<string, QuizLike>): PackageModule {
	const quiz = m.quiz === undefined ? undefined : quizzes.get(m.quiz);
	return {
		id: m.id,
		title: m.title,
		summary: m.summary,
		...(quiz ? { quizId: quiz.id, quizRevision: quiz.revision, passMark: quiz.passMark } : {}),
	};
}

function mastery(modules: readonly PackageModule[]): number | undefined {
	const assessed = modules.filter((m) => m.passMark !== undefined);
	if (assessed.length === 0) return undefined;
	if (modules.length === 1) return assessed[0]?.passMark;
	return 1;
}

/** Every package the catalogue yields: one per module, one per learning path, and the course. */
export function planScopes(input: ScopeInput): PackageScope[] {
	const quizzes = new Map(input.quizzes.map((q) => [q.id, q]));
	const enabled = input.modules
		.filter((m) => input.tracks.includes(m.track))
		.sort(
			(a, b) =>
				input.tracks.indexOf(a.track) - input.tracks.indexOf(b.track) ||
				a.order - b.order ||
				a.id.localeCompare(b.id),
		);
	const byId = new Map(enabled.map((m) => [m.id, m]));
	const scopes: PackageScope[] = [];
	for (const m of enabled) {
		const modules = [packageModule(m, quizzes)];
		scopes.push({
			kind: 'module',
			id: m.id,
			title: m.title,
			description: m.summary,
			modules,
			masteryScore: mastery(modules),
		});
	}
	for (const p of input.paths) {
		const modules = p.steps
			.map((s) => byId.get(s.module))
			.filter((m): m is ModuleLike => m !== undefined)
			.map((m) => packageModule(m, quizzes));
		if (modules.length === 0) continue;
		scopes.push({
			kind: 'path',
			id: p.id,
			title: p.title,
			description: p.summary,
			modules,
			masteryScore: mastery(modules),
		});
	}
	const all = enabled.map((m) => packageModule(m, quizzes));
	if (all.length > 0) {
		scopes.push({
			kind: 'course',
			id: 'course',
			title: input.courseTitle,
			description: input.courseDescription,
			modules: all,
			masteryScore: mastery(all),
		});
	}
	return scopes;
}

/** The package file name (without folder): `<format>-<kind>-<id>.zip`. */
export function packageFileName(format: LmsFormat, scope: Pick<PackageScope, 'kind' | 'id'>): string {
	return scope.kind === 'course' ? `${format}-course.zip` : `${format}-${scope.kind}-${scope.id}.zip`;
}
