/**
 * Serves a module page whose quiz island carries other questions: the page is fetched from the
 * real build and only the island's `props` attribute is rewritten (Astro's serialised form), so
 * the page, its scripts and its CSP stay those of the build. Lets browser tests exercise question
 * kinds before any bank uses them, without test content in `quizzes/`.
 */
import type { Page } from '@playwright/test';
import type { Quiz } from '../../src/schemas/quiz.ts';

/** Astro's island prop encoding: [0, value] for values and objects, [1, [...]] for arrays. */
function serialise(value: unknown): unknown {
	if (Array.isArray(value)) return [1, value.map(serialise)];
	if (value !== null && typeof value === 'object')
		return [0, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialise(v)]))];
	if (value === undefined) return [0];
	return [0, value];
}

const unescapeHtml = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Routes `modulePath` so its quiz island shows `quiz` (keep the real quiz's id and module). */
export async function substituteQuiz(page: Page, modulePath: string, quiz: Quiz) {
	await page.route(`**/${modulePath}`, async (route) => {
		const response = await route.fetch();
		const html = await response.text();
		let replaced = 0;
		const body = html.replace(
			/(<astro-island[^>]*component-url="[^"]*\/Quiz\.[^"]*"[^>]*?props=")([^"]*)(")/,
			(_m, before: string, props: string, after: string) => {
				const parsed = JSON.parse(unescapeHtml(props)) as Record<string, unknown>;
				replaced++;
				const next = {
					...(serialise({ quiz }) as [0, Record<string, unknown>])[1],
					moduleId: parsed.moduleId,
				};
				return `${before}${escapeHtml(JSON.stringify(next))}${after}`;
			},
		);
		if (replaced !== 1) throw new Error(`no quiz island found on ${modulePath}`);
		const headers = { ...response.headers() };
		delete headers['content-length'];
		await route.fulfill({ response, body, headers });
	});
}
