/**
 * Each lab's published suite (src/core/labs/suite.ts): the current revision, language, entry,
 * harness and both suites, so the verify page and the team report can run a learner's recorded
 * code again in the same sandbox. The reference solution is not published here. The suites are no
 * secret: the lab page shows what they check, and the lab island carries them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedSuite } from '../../core/labs/suite.ts';
import { getLabs } from '../../lib/lab-catalog.ts';

export const getStaticPaths = (async () => {
	const labs = await getLabs();
	return labs.map((lab) => ({ params: { id: lab.data.id }, props: { suite: publishedSuite(lab) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.suite), { headers: { 'Content-Type': 'application/json' } });
