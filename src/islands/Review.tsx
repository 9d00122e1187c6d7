/** The review of one answered question: the learner's answer beside the correct one, then why. */
import type { FeedbackLine, QuestionResult } from '../core/quiz/kinds/index.ts';

export function verdict(r: QuestionResult): { text: string; tone: 'ok' | 'partial' | 'bad' } {
	if (!r.answered) return { text: 'Not answered', tone: 'bad' };
	if (r.correct) return { text: 'Correct', tone: 'ok' };
	if (r.credit > 0)
		return { text: `Partly correct (${Math.round(r.credit * 100)}% credit)`, tone: 'partial' };
	return { text: 'Not correct', tone: 'bad' };
}

function lineStatus(f: FeedbackLine): string {
	if (typeof f.expected === 'number') {
		const yours =
			typeof f.chosen === 'number' && f.chosen > 0
				? `you placed it at step ${f.chosen}`
				: 'you did not place it';
		return f.chosen === f.expected
			? `Step ${f.expected}: in the right place.`
			: `Belongs at step ${f.expected}; ${yours}.`;
	}
	const chose = f.chosen === true;
	if (f.expected && chose) return 'You chose this: correct.';
	if (f.expected && !chose) return 'Correct answer: you did not choose it.';
	if (!f.expected && chose) return 'You chose this: not correct.';
	return 'Not correct.';
}

function tone(f: FeedbackLine): string {
	if (typeof f.expected === 'number') return f.chosen === f.expected ? 'ok' : 'bad';
	if (f.expected) return f.chosen ? 'ok' : 'missed';
	return f.chosen ? 'bad' : 'neutral';
}

function AnswerList({ items }: { items: string[] }) {
	if (items.length === 0) return <p>No answer</p>;
	if (items.length === 1) return <p>{items[0]}</p>;
	return (
		<ul>
			{items.map((t) => (
				<li key={t}>{t}</li>
			))}
		</ul>
	);
}

export function Review({ result, headingId }: { result: QuestionResult; headingId?: string }) {
	const v = verdict(result);
	return (
		<div className="review">
			<p className={`verdict verdict-${v.tone}`} id={headingId}>
				<span aria-hidden="true">{v.tone === 'ok' ? '✓ ' : v.tone === 'partial' ? '◐ ' : '✗ '}</span>
				{v.text}
			</p>
			{result.parts ? (
				<ol className="review-parts">
					{result.parts.map((p) => (
						<li key={p.questionId}>
							<Review result={p} />
						</li>
					))}
				</ol>
			) : (
				<>
					<div className="side-by-side">
						<div className="answer-box answer-yours">
							<p className="answer-label">Your answer</p>
							<AnswerList items={result.yourAnswer} />
						</div>
						<div className="answer-box answer-correct">
							<p className="answer-label">Correct answer</p>
							<AnswerList items={result.correctAnswer} />
						</div>
					</div>
					<ul className="feedback">
						{result.feedback.map((f) => (
							<li key={f.label} className={`feedback-${tone(f)}`}>
								<p className="feedback-label">{f.label}</p>
								<p className="feedback-status">{lineStatus(f)}</p>
								<p>{f.explanation}</p>
							</li>
						))}
					</ul>
				</>
			)}
		</div>
	);
}
