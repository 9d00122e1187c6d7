/**
 * The labs for the build: loaded once from content/labs/ and checked against the catalog
 * (modules and provisions exist). A broken lab stops the build listing file, field and fix.
 */
import { AstroError } from 'astro/errors';
import { formatProblems } from '../core/catalog/catalog.ts';
import type { Lab } from '../core/labs/load.ts';
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
		return labs;
	})();
	return cached;
}

/** Labs that practise a module, in lab order. */
export async function labsForModule(moduleId: string): Promise<Lab[]> {
	return (await getLabs()).filter((l) => l.data.module === moduleId);
}
