/**
 * The quiz bank: each published quiz revision as JSON, so the verify and team report pages can
 * mark recorded answers again in the browser. Answers are no secret on a static site (the quiz
 * island already carries them); publishing them here changes nothing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../lib/catalog.ts';

export const getStaticPaths = (async () => {
	const catalog = await getCatalog();
	return catalog.quizzes.map((q) => ({ params: { id: q.data.id }, props: { quiz: q.data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.quiz), { headers: { 'Content-Type': 'application/json' } });
