/** The catalog that assignment, path and team report islands receive (see src/core/team-report.ts). */
import type { PathSummary } from '../core/assignments.ts';
import type { TeamCatalog } from '../core/team-report.ts';
import { TRACKS } from '../schemas/vocabulary.ts';
import { getCatalog, type PathEntry } from './catalog.ts';

export const pathSummary = (p: PathEntry): PathSummary => ({
	id: p.data.id,
	title: p.data.title,
	modules: p.data.steps.map((s) => s.module),
});

export async function teamCatalog(): Promise<TeamCatalog> {
	const catalog = await getCatalog();
	const modules = [...catalog.modules].sort(
		(a, b) => TRACKS.indexOf(a.data.track) - TRACKS.indexOf(b.data.track) || a.data.order - b.data.order,
	);
	return {
		principles: catalog.principles.map((p) => ({
			number: p.data.number,
			title: p.data.title,
			provisions: p.data.provisions.map((v) => ({ id: v.id, title: v.title })),
		})),
		modules: modules.map((m) => {
			const quiz = catalog.quiz(m.data.quiz);
			return {
				id: m.id,
				title: m.data.title,
				track: m.data.track,
				order: m.data.order,
				principles: m.data.principles,
				minutes: m.data.minutes,
				provisions: m.data.provisions,
				quiz: quiz ? { id: quiz.data.id, revision: quiz.data.revision } : undefined,
			};
		}),
		paths: catalog.paths.map(pathSummary),
	};
}

/** The smaller catalog for learner-side islands: no provision titles. */
export async function assignmentCatalog() {
	const { principles, modules, paths } = await teamCatalog();
	return {
		principles: principles.map((p) => ({ number: p.number, title: p.title })),
		modules: modules.map(({ provisions: _p, ...m }) => m),
		paths,
	};
}
