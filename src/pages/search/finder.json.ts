/** The finder's prebuilt lunr index, served as a static file (and by `astro dev`). */
import type { APIRoute } from 'astro';
import { BASE } from '../../lib/base.ts';
import { getCatalog } from '../../lib/catalog.ts';
import { finderDocuments } from '../../search/documents.ts';
import { buildFinder } from '../../search/finder.ts';

export const GET: APIRoute = async () => {
	const catalog = await getCatalog();
	const base = BASE;
	const data = buildFinder(
		finderDocuments({
			principles: catalog.principles.map((p) => p.data),
			modules: catalog.modules.map((m) => m.data),
			quizzes: catalog.quizzes.map((q) => q.data),
			glossary: catalog.glossary.map((g) => g.data),
			base,
		}),
	);
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
