/**
 * The labs for the build: loaded once from content/labs/ and checked against the catalog
 * (modules and provisions exist). A broken lab stops the build listing file, field and fix.
 */
import { AstroError } from 'astro/errors';
import { formatProblems } from '../core/catalog/catalog.ts';
import { type CatalogLab, labsOfModule } from '../core/catalog/projections.ts';
import { checkAssignmentLabs } from '../core/catalog/teams.ts';
import type { Lab } from '../core/labs/load.ts';
import { BASE } from './base.ts';
import { getCatalog } from './catalog.ts';
import { loadLabs } from './labs.ts';

let cached: Promise<Lab[]> | undefined;

export function getLabs(): Promise<Lab[]> {
	cached ??= (async () => {
		const catalog = await getCatalog();
		const { labs, problems } = loadLabs(process.cwd(), {
			modules: new Set(catalog.modules.map((m) => m.data.id)),
			provisions: new Set(catalog.principles.flatMap((p) => p.data.provisions.map((x) => x.id))),
		});
		if (problems.length > 0) {
			throw new AstroError('The labs in content/labs/ have problems', formatProblems(problems));
		}
		// Assignment files may name labs; the catalog check runs before labs load, so it is done here.
		const assigned = checkAssignmentLabs(
			catalog.assignments.map((e) => ({ file: e.filePath ?? `content/assignments/${e.id}`, data: e.data })),
			labs.map((l) => l.data.id),
		);
		if (assigned.length > 0) {
			throw new AstroError(
				'Assignment files in content/assignments/ name labs that do not exist',
				formatProblems(assigned),
			);
		}
		return labs;
	})();
	return cached;
}

/** Labs that practise a module, in lab order (labsOfModule in core/catalog/projections.ts). */
export async function labsForModule(moduleId: string): Promise<CatalogLab[]> {
	return labsOfModule(
		(await getLabs()).map((l) => l.data),
		moduleId,
		BASE,
	);
}
