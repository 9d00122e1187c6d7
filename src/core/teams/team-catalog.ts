/**
 * The catalog the team page needs (part of the team report, see team-report.ts): the assignments'
 * catalog plus provisions per module and principle.
 */
import type { LabData } from '../../schemas/lab.ts';
import type { ModuleData } from '../../schemas/module.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { Principle } from '../../schemas/principle.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { TRACKS } from '../../schemas/vocabulary.ts';
import type { AssignmentCatalog, CatalogModule } from '../assignments/assignments.ts';
import { labSummary, moduleSummary } from '../catalog/projections.ts';

/** The catalog the team page needs: assignments' catalog plus provisions per module and principle. */
export interface TeamCatalog extends AssignmentCatalog {
	principles: { number: number; title: string; provisions: { id: string; title: string }[] }[];
	modules: (CatalogModule & { provisions: string[] })[];
}
export type TeamModule = TeamCatalog['modules'][number];

/** The team catalog from parsed content (published modules only), modules in track order. */
export function teamCatalogOf(content: {
	principles: readonly Principle[];
	modules: readonly ModuleData[];
	quizzes: readonly Pick<Quiz, 'id' | 'revision'>[];
	paths: readonly LearningPath[];
	labs?: readonly Pick<
		LabData,
		'id' | 'title' | 'summary' | 'module' | 'level' | 'minutes' | 'revision' | 'order'
	>[];
	/** The site's base path, ending in "/" (lab links). */
	base?: string;
}): TeamCatalog {
	const quizzes = new Map(content.quizzes.map((q) => [q.id, q]));
	const published = new Set(content.modules.map((m) => m.id));
	return {
		principles: [...content.principles]
			.sort((a, b) => a.number - b.number)
			.map((p) => ({
				number: p.number,
				title: p.title,
				provisions: p.provisions.map((v) => ({ id: v.id, title: v.title })),
			})),
		modules: [...content.modules]
			.sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.order - b.order)
			.map((m) => ({ ...moduleSummary(m, quizzes), provisions: m.provisions })),
		paths: [...content.paths]
			.sort((a, b) => a.order - b.order)
			.map((p) => ({
				id: p.id,
				title: p.title,
				modules: p.steps.map((s) => s.module).filter((id) => published.has(id)),
			})),
		labs: [...(content.labs ?? [])]
			.filter((l) => published.has(l.module))
			.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
			.map((l) => {
				const { summary: _s, ...lab } = labSummary(l, content.base ?? '/');
				return lab;
			}),
	};
}
