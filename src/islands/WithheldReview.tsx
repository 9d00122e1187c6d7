/**
 * The review after an assessment that did not pass: which questions were missed, and for each
 * the provision it checks and the module section to re-read, without the keyed answer (the rule:
 * `src/core/quiz/feedback.ts`). Nothing here renders an option, a line of code or an explanation.
 */
import type { MissedQuestion } from '../core/quiz/feedback.ts';

/** Where to re-read a provision: its title and page, and the module section that teaches it. */
export interface ProvisionPointer {
	title: string;
	href: string;
	section?: { slug: string; text: string } | undefined;
}

export function WithheldReview({
	missed,
	asked,
	pointers,
}: {
	missed: MissedQuestion[];
	asked: number;
	pointers: Readonly<Record<string, ProvisionPointer>>;
}) {
	return (
		<div className="withheld-review">
			<p>
				Answers are not shown after an assessment that did not pass. For each question you missed: the
				provision it checks and what to re-read.
			</p>
			<h4>
				Missed: {missed.length} of {asked} questions
			</h4>
			<ol className="missed-list">
				{missed.map((m) => {
					const sections = [
						...new Map(
							m.provisions.flatMap((p) => {
								const s = pointers[p]?.section;
								return s ? [[s.slug, s] as const] : [];
							}),
						).values(),
					];
					return (
						<li key={m.questionId} data-missed-id={m.questionId}>
							<p className="missed-prompt">
								<span className="muted">Question {m.number}</span> {m.prompt}{' '}
								<span className="muted">
									({m.credit > 0 ? `${Math.round(m.credit * 100)}% credit` : 'no credit'})
								</span>
							</p>
							{m.provisions.length > 0 && (
								<p className="missed-provisions">
									Checks{' '}
									{m.provisions.map((p, i) => (
										<span key={p}>
											{i > 0 ? ', ' : ''}
											{pointers[p] ? (
												<a href={pointers[p].href}>
													{p} {pointers[p].title}
												</a>
											) : (
												p
											)}
										</span>
									))}
								</p>
							)}
							<p className="missed-reread">
								Re-read:{' '}
								{sections.length > 0 ? (
									sections.map((s, i) => (
										<span key={s.slug}>
											{i > 0 ? ', ' : ''}
											<a href={`#${s.slug}`}>{s.text}</a>
										</span>
									))
								) : (
									<a href="#objectives">the module from the start</a>
								)}
							</p>
						</li>
					);
				})}
			</ol>
		</div>
	);
}
