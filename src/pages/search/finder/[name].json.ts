/**
 * The finder's index files, `search/finder/head.json` and its shards (see src/search/finder.ts),
 * written at build time as static files (and served by `astro dev`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BASE } from '../../../lib/base.ts';
import { getCatalog } from '../../../lib/catalog.ts';
import { finderDocuments } from '../../../search/documents.ts';
import { buildFinder } from '../../../search/finder-build.ts';

export const getStaticPaths = (async () => {
	const catalog = await getCatalog();
	const { files } = buildFinder(
		finderDocuments({
			principles: catalog.principles.map((p) => p.data),
			modules: catalog.modules.map((m) => m.data),
			quizzes: catalog.quizzes.map((q) => q.data),
			glossary: catalog.glossary.map((g) => g.data),
			base: BASE,
		}),
	);
	return [...files].map(([file, body]) => ({
		params: { name: file.slice(0, -'.json'.length) },
		props: { body },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
	new Response(props.body, { headers: { 'Content-Type': 'application/json' } });
