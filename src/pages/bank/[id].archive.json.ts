/**
 * Earlier revisions of each published quiz (quizzes/archive/), as a JSON list (empty when the quiz
 * was never revised), so that answers recorded against an older revision (a certificate earned
 * before the quiz changed, a learner's older attempts in an import or a report file) can still be
 * marked again. Fetched beside `bank/<id>.json` by the quiz-bank loaders.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/catalog.ts';

export const getStaticPaths = (async () => {
	const catalog = await getCatalog();
	return catalog.quizzes.map((q) => ({
		params: { id: q.data.id },
		props: { revisions: catalog.archivedRevisions(q.data.id) },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.revisions), { headers: { 'Content-Type': 'application/json' } });
