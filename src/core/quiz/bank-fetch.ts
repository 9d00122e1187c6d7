/**
 * The published quiz bank (`bank/<quiz>.json`, built by src/pages/bank/[id].json.ts) and each
 * quiz's earlier revisions (`bank/<quiz>.archive.json`), fetched from this site only: what the
 * verify page, the import check and the certificate pages mark recorded answers against. A quiz
 * that cannot be fetched or read is listed in `missing`; an unreadable archive only means that
 * answers on older revisions cannot be marked again (they are then reported as such).
 */
import { type Quiz, QuizSchema } from '../../schemas/quiz.ts';
import { bankOf, type QuizBank } from './evidence.ts';

export async function fetchBank(
	base: string,
	quizIds: Iterable<string>,
): Promise<{ bank: QuizBank; missing: string[] }> {
	const ids = [...new Set(quizIds)].filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
	const archived = await Promise.all(
		ids.map(async (id): Promise<Quiz[]> => {
			try {
				const res = await fetch(`${base}bank/${id}.archive.json`);
				if (!res.ok) return [];
				const parsed = QuizSchema.array().safeParse(await res.json());
				return parsed.success ? parsed.data.filter((q) => q.id === id) : [];
			} catch {
				return [];
			}
		}),
	);
	const got = await Promise.all(
		ids.map(async (id): Promise<Quiz | undefined> => {
			try {
				const res = await fetch(`${base}bank/${id}.json`);
				if (!res.ok) return undefined;
				const parsed = QuizSchema.safeParse(await res.json());
				return parsed.success ? parsed.data : undefined;
			} catch {
				return undefined;
			}
		}),
	);
	return {
		bank: bankOf([...got.filter((q): q is Quiz => q !== undefined), ...archived.flat()]),
		missing: ids.filter((_, i) => got[i] === undefined),
	};
}
