/**
 * The one reader of this site's quiz bank (`bank/<id>.json`, written by src/pages/bank/), shared
 * by the verify page, the team report, the import check and the certificate pages.
 * - Each quiz is fetched once per page; later calls reuse the answer.
 * - A quiz the bank does not publish (404) is simply missing: the caller reports it as unknown.
 * - Anything else (no connection, another status, a file that is not JSON) is an error that says
 *   which quiz could not be read and why; it is not cached, so the next try fetches again.
 * - A file that does not match the quiz schema counts as missing, as before.
 * - Each quiz's earlier revisions (`bank/<id>.archive.json`) come with it, so answers recorded
 *   against an older revision can still be marked; an unreadable archive adds nothing.
 */
import type { QuizBank } from '../../core/quiz/evidence.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { publishedJson } from './published-json.ts';

/** Loads the quizzes with these ids (every published revision); unknown ids are left out. */
export type LoadQuizzes = (ids: string[]) => Promise<Quiz[]>;

const cache = new Map<string, Promise<Quiz | undefined>>();
const archiveCache = new Map<string, Promise<Quiz[]>>();

/** Forgets every fetched quiz (for tests). */
export function clearQuizBankCache(): void {
	cache.clear();
	archiveCache.clear();
}

/** A loader for the bank published under `base` (the site's base path, ending in "/"). */
export function quizBank(base: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): LoadQuizzes {
	return async (ids) => {
		const { QuizSchema } = await import('../../schemas/quiz.ts');
		const one = (id: string) =>
			publishedJson(
				cache,
				`${base}bank/${encodeURIComponent(id)}.json`,
				(json) => {
					const parsed = QuizSchema.safeParse(json);
					return parsed.success ? parsed.data : undefined;
				},
				(why) => `the quiz bank could not be read for ${id} (${why})`,
				fetchImpl,
			);
		const archive = (id: string) => {
			const url = `${base}bank/${encodeURIComponent(id)}.archive.json`;
			let p = archiveCache.get(url);
			if (!p) {
				p = fetchImpl(url)
					.then(async (r) => {
						if (!r.ok) return [];
						const parsed = QuizSchema.array().safeParse(await r.json());
						return parsed.success ? parsed.data.filter((q) => q.id === id) : [];
					})
					.catch(() => {
						archiveCache.delete(url);
						return [];
					});
				archiveCache.set(url, p);
			}
			return p;
		};
		const [list, older] = await Promise.all([Promise.all(ids.map(one)), Promise.all(ids.map(archive))]);
		return [...list.filter((q): q is Quiz => q !== undefined), ...older.flat()];
	};
}

/**
 * The bank for marking recorded answers again: every published revision of these quizzes, and
 * the ids that could not be had (not published, or the bank could not be read: `missing`), which
 * callers report rather than treat as a failed mark. Ids that are not quiz ids are never fetched.
 */
export async function fetchBank(
	base: string,
	quizIds: Iterable<string>,
	fetchImpl?: typeof fetch,
): Promise<{ bank: QuizBank; missing: string[] }> {
	const ids = [...new Set(quizIds)].filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
	const load = quizBank(base, fetchImpl);
	// The marking code (and its schemas) loads with the first bank read, not with the page.
	const [{ bankOf }, got] = await Promise.all([
		import('../../core/quiz/evidence.ts'),
		Promise.all(ids.map((id) => load([id]).catch((): Quiz[] => []))),
	]);
	return {
		bank: bankOf(got.flat()),
		missing: ids.filter((_, i) => (got[i] ?? []).every((q) => q.id !== ids[i])),
	};
}
