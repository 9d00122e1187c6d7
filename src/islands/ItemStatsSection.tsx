/**
 * The team report's item statistics (issue #15): each question's difficulty and discrimination
 * from the learners' own report files, flagging items everyone gets right, everyone gets wrong,
 * or that stronger learners miss more often. Computed in the browser from the files loaded;
 * nothing is sent anywhere (rule and method: `src/core/quiz/item-stats.ts`).
 */
import { useEffect, useRef, useState } from 'react';
import type { Attempt } from '../core/progress/progress.ts';
import type { ItemFlag, ItemStat } from '../core/quiz/item-stats.ts';
import type { Quiz } from '../schemas/quiz.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const FLAG_LABELS: Record<ItemFlag, string> = {
	'everyone-right': 'everyone got it right',
	'everyone-wrong': 'everyone got it wrong',
	'negative-discrimination': 'stronger learners miss it more often',
};

export function ItemStatsSection({
	learners,
	loadQuizzes,
	uid,
}: {
	learners: readonly { name: string; data: { attempts: readonly Attempt[] } }[];
	loadQuizzes: (ids: string[]) => Promise<Quiz[]>;
	uid: string;
}) {
	const [stats, setStats] = useState<ItemStat[] | undefined>();
	const [error, setError] = useState<string | undefined>();
	// The loader is a fresh function on each render of the parent; what matters is the learners.
	const load = useRef(loadQuizzes);
	load.current = loadQuizzes;
	useEffect(() => {
		let live = true;
		const ids = [
			...new Set(
				learners.flatMap((l) => l.data.attempts.filter((a) => a.mode === 'assessment').map((a) => a.quizId)),
			),
		].sort();
		// Loaded with the quizzes, like the team report's own core, so the page's first load stays small.
		Promise.all([load.current(ids), import('../core/quiz/item-stats.ts'), import('../core/quiz/evidence.ts')])
			.then(([quizzes, { itemStats }, { bankOf }]) => {
				if (!live) return;
				setStats(
					itemStats(
						learners.map((l) => ({ learner: l.name, attempts: l.data.attempts })),
						bankOf(quizzes),
					),
				);
			})
			.catch((e: unknown) => live && setError((e as Error).message));
		return () => {
			live = false;
		};
	}, [learners]);

	const flagged = stats?.filter((s) => s.flags.length > 0) ?? [];
	return (
		<section aria-labelledby={`${uid}-items`}>
			<h2 id={`${uid}-items`}>Question statistics</h2>
			<p className="prose muted">
				For quiz authors: how each question performed on these learners' first assessment attempts. Difficulty
				is the share answered correctly; discrimination is the correlation between the question and the rest
				of the attempt (near 0 or below means it does not separate stronger from weaker learners). Flagged:
				everyone right, everyone wrong (3 or more learners), or a negative discrimination (5 or more
				learners). Only the files loaded here are used.
			</p>
			{error && <p className="notice">The statistics could not be computed: {error}</p>}
			{!stats && !error && <p className="muted">Computing…</p>}
			{stats && stats.length === 0 && <p>No assessment attempts in these files yet.</p>}
			{stats && stats.length > 0 && (
				<>
					<p>
						{flagged.length} of {stats.length} questions flagged.
					</p>
					<ScrollRegion label="Table of question statistics">
						<table className="item-stats">
							<caption className="visually-hidden">Difficulty and discrimination of each question</caption>
							<thead>
								<tr>
									<th scope="col">Quiz</th>
									<th scope="col">Question</th>
									<th scope="col">Learners</th>
									<th scope="col">Difficulty (share correct)</th>
									<th scope="col">Discrimination</th>
									<th scope="col">Flag</th>
								</tr>
							</thead>
							<tbody>
								{[...flagged, ...stats.filter((s) => s.flags.length === 0)].map((s) => (
									<tr key={`${s.quizId}@${s.revision}/${s.questionId}`}>
										<td>
											{s.quizId} (revision {s.revision})
										</td>
										<th scope="row">{s.questionId}</th>
										<td>{s.n}</td>
										<td>{Math.round(s.difficulty * 100)}%</td>
										<td>{s.discrimination === undefined ? '–' : s.discrimination.toFixed(2)}</td>
										<td>{s.flags.map((f) => `⚑ ${FLAG_LABELS[f]}`).join('; ')}</td>
									</tr>
								))}
							</tbody>
						</table>
					</ScrollRegion>
				</>
			)}
		</section>
	);
}
