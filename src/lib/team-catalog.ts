/** The catalog that assignment, path and team report islands receive (see src/core/teams/team-report.ts). */
import type { AssignmentCatalog, PathSummary } from '../core/assignments/assignments.ts';
import { type TeamCatalog, teamCatalogOf } from '../core/teams/team-report.ts';
import { BASE } from './base.ts';
import { getCatalog, type PathEntry } from './catalog.ts';
import { getLabs } from './lab-catalog.ts';

export const pathSummary = (p: PathEntry): PathSummary => ({
	id: p.data.id,
	title: p.data.title,
	modules: p.data.steps.map((s) => s.module),
});

export async function teamCatalog(): Promise<TeamCatalog> {
	const catalog = await getCatalog();
	return teamCatalogOf({
		principles: catalog.principles.map((p) => p.data),
		modules: catalog.modules.map((m) => m.data),
		quizzes: catalog.quizzes.map((q) => q.data),
		paths: catalog.paths.map((p) => p.data),
		labs: (await getLabs()).map((l) => l.data),
		base: BASE,
	});
}

/** The smaller catalog for learner-side islands: no provision titles; labs without their summaries. */
export async function assignmentCatalog(): Promise<AssignmentCatalog> {
	const { principles, modules, paths, labs } = await teamCatalog();
	return {
		principles: principles.map((p) => ({ number: p.number, title: p.title })),
		modules: modules.map(({ provisions: _p, ...m }) => m),
		paths,
		...(labs ? { labs } : {}),
	};
}
