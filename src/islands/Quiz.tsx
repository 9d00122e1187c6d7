/**
 * The interactive quiz. Thin: the core draws, arranges and scores; the progress store records.
 * Practice mode checks each answer as you go; assessment mode (the one that counts toward
 * certificates) shows feedback after submitting the whole quiz.
 *
 * Weight (issue #22): the page loads only this start screen up front. The progress store and its
 * schemas (`quiz/progress.ts`) load once the island has hydrated; the attempt engine, the question
 * views and the review (`quiz/session.ts`) load when the learner starts an attempt or opens a past
 * one (fetched early when they point at or focus the start controls).
 */
import {
	lazy,
	Suspense,
	useCallback,
	useEffect,
	useId,
	useMemo,
	useRef,
	useState,
	useSyncExternalStore,
} from 'react';
import { percent } from '../core/progress/labels.ts';
import type { Attempt } from '../core/progress/progress.ts';
import type { quizStats } from '../core/progress/stats.ts';
import type { ProgressState } from '../core/progress/store.ts';
import type { QuizMode } from '../core/quiz/attempt.ts';
import { FEEDBACK_RULE, missedQuestions, reviewLevel } from '../core/quiz/feedback.ts';
import type { Quiz as QuizData } from '../schemas/quiz.ts';
import { loadAfterStoreSteps } from './adapters/progress-later.ts';
import type { ProvisionPointer } from './WithheldReview.tsx';

type ProgressModule = typeof import('./quiz/progress.ts');
type Session = typeof import('./quiz/session.ts');

let sessionLoad: Promise<Session> | undefined;
/** The attempt engine, views and review: fetched once, on first need (a failed fetch may be retried). */
function loadSession(): Promise<Session> {
	sessionLoad ??= import('./quiz/session.ts').catch((e: unknown) => {
		sessionLoad = undefined;
		throw e;
	});
	return sessionLoad;
}

/** Shown only when storage is not keeping progress; loads with its message. */
const StorageNotice = lazy(() => import('./StorageNotice.tsx').then((m) => ({ default: m.StorageNotice })));

const LOAD_FAILED =
	'Part of the quiz could not be loaded, so it cannot run. Check your connection and reload the page; your saved progress is not affected.';

/** The learner's record once the progress store has loaded (undefined before, as on the server). */
function useLoadedProgress(m: ProgressModule | undefined): ProgressState | undefined {
	const subscribe = useCallback(
		(listener: () => void) => (m ? m.getProgressStore().subscribe(listener) : () => {}),
		[m],
	);
	const snapshot = useCallback(() => m?.getProgressStore().getSnapshot(), [m]);
	return useSyncExternalStore(subscribe, snapshot, () => undefined);
}

interface Props {
	quiz: QuizData;
	/** The module page this quiz sits on; opening the page records a visit. */
	moduleId: string;
	/** For each provision the quiz checks: its title, page, and the module section that teaches it. */
	pointers?: Record<string, ProvisionPointer>;
}

type Phase =
	| { name: 'start' }
	| { name: 'answering'; mode: QuizMode; seed: string; questionIds: string[]; startedAt: string }
	| { name: 'done'; attempt: Attempt }
	| { name: 'reviewing'; attempt: Attempt };

const date = (iso: string) =>
	new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export default function Quiz({ quiz, moduleId, pointers = {} }: Props) {
	const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
	const [store, setStore] = useState<ProgressModule>();
	const [session, setSession] = useState<Session>();
	const [loadFailed, setLoadFailed] = useState(false);
	const progress = useLoadedProgress(store);
	const stats = store && progress ? store.quizStats(progress.data, quiz.id, quiz.revision) : undefined;
	const [phase, setPhase] = useState<Phase>({ name: 'start' });
	const [mode, setMode] = useState<QuizMode>('practice');
	const [answers, setAnswers] = useState<Record<string, unknown>>({});
	const [checked, setChecked] = useState<Set<string>>(new Set());
	const [announce, setAnnounce] = useState('');
	const [hydrated, setHydrated] = useState(false);
	const resultsRef = useRef<HTMLHeadingElement>(null);
	const confirmRef = useRef<HTMLDialogElement>(null);
	const questionsRef = useRef<HTMLHeadingElement>(null);

	useEffect(() => {
		let live = true;
		// After the schemas, built one per task (adapters/progress-later.ts).
		loadAfterStoreSteps(() => import('./quiz/progress.ts')).then(
			(m) => {
				if (!live) return;
				m.getProgressStore().visitModule(moduleId);
				setStore(m);
				setHydrated(true);
			},
			() => live && setLoadFailed(true),
		);
		return () => {
			live = false;
		};
	}, [moduleId]);

	/** Runs `then` with the session code, loading it first if needed. */
	const withSession = (then: (s: Session) => void) => {
		if (session) return then(session);
		loadSession().then(
			(s) => {
				setSession(s);
				then(s);
			},
			() => setLoadFailed(true),
		);
	};
	const prefetch = () => {
		loadSession().catch(() => {});
	};

	const shown = useMemo(
		() =>
			!session
				? []
				: phase.name === 'answering'
					? session.presentQuestions(quiz, { seed: phase.seed, questionIds: phase.questionIds })
					: phase.name === 'done' || phase.name === 'reviewing'
						? session.presentQuestions(quiz, {
								seed: phase.attempt.seed,
								questionIds: phase.attempt.questionIds,
							})
						: [],
		[phase, quiz, session],
	);

	const start = () => withSession((s) => startWith(s));
	const startWith = ({ drawQuestions, newSeed, preferUnseenSeed, seenInAssessments }: Session) => {
		// An assessment prefers questions this learner has not yet met in an assessment; the
		// preference travels in the seed, so the draw can still be reproduced from it.
		const seed =
			mode === 'assessment'
				? preferUnseenSeed(quiz, newSeed(), seenInAssessments(progress?.data.attempts ?? [], quiz.id))
				: newSeed();
		const draw = drawQuestions(quiz, seed);
		setAnswers({});
		setChecked(new Set());
		setPhase({
			name: 'answering',
			mode,
			seed,
			questionIds: draw.questionIds,
			startedAt: new Date().toISOString(),
		});
		setAnnounce(
			`${mode === 'practice' ? 'Practice' : 'Assessment'} started: ${draw.questionIds.length} questions.`,
		);
		requestAnimationFrame(() => questionsRef.current?.focus());
	};

	const askSubmit = () => {
		if (phase.name === 'answering' && phase.mode === 'assessment' && unanswered > 0) {
			confirmRef.current?.showModal();
			return;
		}
		submit();
	};

	const submit = () => {
		confirmRef.current?.close();
		if (phase.name !== 'answering' || !session || !store) return;
		const s = session.scoreAttempt(quiz, phase.questionIds, answers);
		const attempt: Attempt = {
			id: `${Date.now().toString(36)}-${phase.seed}`,
			quizId: quiz.id,
			revision: quiz.revision,
			mode: phase.mode,
			seed: phase.seed,
			questionIds: phase.questionIds,
			answers,
			score: s.score,
			passed: s.passed,
			startedAt: phase.startedAt,
			submittedAt: new Date().toISOString(),
		};
		store.getProgressStore().recordAttempt(attempt);
		void store.requestPersistence();
		setPhase({ name: 'done', attempt });
		setAnnounce(
			`You scored ${percent(s.score)}: ${s.correctCount} of ${phase.questionIds.length} fully correct. ${
				s.passed ? 'Passed.' : `Not passed; the pass mark is ${percent(quiz.passMark)}.`
			}`,
		);
		requestAnimationFrame(() => resultsRef.current?.focus());
	};

	const answering = phase.name === 'answering';
	const unanswered =
		answering && session ? shown.filter((q) => !session.isAnswered(q, answers[q.id])).length : 0;
	const result =
		session && (phase.name === 'done' || phase.name === 'reviewing')
			? session.scoreAttempt(quiz, phase.attempt.questionIds, phase.attempt.answers)
			: undefined;
	const reviewAttempt = phase.name === 'done' || phase.name === 'reviewing' ? phase.attempt : undefined;
	const withheld = !!(
		result &&
		reviewAttempt &&
		reviewLevel(reviewAttempt.mode, result.passed) === 'withheld'
	);

	return (
		<section
			className="quiz-island"
			aria-labelledby={`${uid}-title`}
			data-hydrated={hydrated ? 'true' : undefined}
		>
			<h2 id={`${uid}-title`}>{quiz.title}</h2>
			<p className="visually-hidden" role="status" aria-live="polite">
				{announce}
			</p>
			{progress?.problem && (
				<Suspense fallback={null}>
					<StorageNotice state={progress} />
				</Suspense>
			)}
			{loadFailed && (
				<p className="notice notice-warning" role="alert">
					{LOAD_FAILED}
				</p>
			)}

			{phase.name === 'start' && (
				<div className="quiz-start">
					<p>
						{quiz.draw && quiz.draw < quiz.questions.length
							? `${quiz.draw} questions, drawn from a pool of ${quiz.questions.length}`
							: `${quiz.questions.length} questions`}{' '}
						· pass mark {percent(quiz.passMark)} · revision {quiz.revision}
					</p>
					{stats && (
						<QuizHistory
							stats={stats}
							revision={quiz.revision}
							onReview={(a) =>
								withSession(() => {
									setPhase({ name: 'reviewing', attempt: a });
									requestAnimationFrame(() => resultsRef.current?.focus());
								})
							}
						/>
					)}
					<ReadMark
						readAt={
							progress && Object.hasOwn(progress.data.modules, moduleId)
								? progress.data.modules[moduleId]?.completedAt
								: undefined
						}
						disabled={!hydrated}
						onMark={() => {
							store?.getProgressStore().visitModule(moduleId, true);
							setAnnounce('Module marked as read.');
						}}
					/>
					<fieldset className="mode-choice">
						<legend>Mode</legend>
						<label htmlFor={`${uid}-practice`}>
							<input
								type="radio"
								id={`${uid}-practice`}
								name={`${uid}-mode`}
								checked={mode === 'practice'}
								onChange={() => setMode('practice')}
								onFocus={prefetch}
							/>
							<span>
								<strong>Practice</strong>: check each answer as you go, with explanations.
							</span>
						</label>
						<label htmlFor={`${uid}-assessment`}>
							<input
								type="radio"
								id={`${uid}-assessment`}
								name={`${uid}-mode`}
								checked={mode === 'assessment'}
								onChange={() => setMode('assessment')}
								onFocus={prefetch}
							/>
							<span>
								<strong>Assessment</strong>: answer everything, then see your score. This is the mode that
								counts toward certificates.
							</span>
						</label>
						<p className="muted feedback-rule">{FEEDBACK_RULE}</p>
					</fieldset>
					<button
						type="button"
						className="button"
						onClick={start}
						onPointerEnter={prefetch}
						onFocus={prefetch}
						disabled={!hydrated}
					>
						{stats?.attempts.length ? 'Start a new attempt' : 'Start the quiz'}
					</button>
				</div>
			)}

			{session && (answering || phase.name === 'done' || phase.name === 'reviewing') && (
				<>
					{result && reviewAttempt && (
						<div className={`quiz-result ${result.passed ? 'is-passed' : 'is-failed'}`}>
							<h3 ref={resultsRef} tabIndex={-1}>
								{phase.name === 'reviewing'
									? `Review of your attempt on ${date(reviewAttempt.submittedAt)}`
									: 'Your result'}
							</h3>
							<p className="score">
								{percent(result.score)} · {result.passed ? 'Passed' : 'Not passed'}{' '}
								<span className="muted">
									({result.correctCount} of {reviewAttempt.questionIds.length} fully correct; pass mark{' '}
									{percent(quiz.passMark)}; {reviewAttempt.mode})
								</span>
							</p>
							{reviewAttempt.revision !== quiz.revision && (
								<p className="notice">
									This attempt was taken on revision {reviewAttempt.revision} of the quiz; it has since been
									updated to revision {quiz.revision}, so the review below checks your answers against the
									current questions.
								</p>
							)}
							<p>
								<button type="button" className="button" onClick={start}>
									Try again with a fresh draw
								</button>
							</p>
						</div>
					)}
					{answering && (
						<h3 ref={questionsRef} tabIndex={-1} className="visually-hidden">
							Questions
						</h3>
					)}
					{withheld && result && reviewAttempt && (
						<session.WithheldReview
							missed={missedQuestions(shown, result.results)}
							asked={reviewAttempt.questionIds.length}
							pointers={pointers}
						/>
					)}
					{!withheld && (
						<ol className="quiz-questions">
							{shown.map((q, i) => {
								const isChecked = answering && phase.mode === 'practice' && checked.has(q.id);
								const locked = !answering || isChecked;
								const answer = answering ? answers[q.id] : reviewAttempt?.answers[q.id];
								const qr = result?.results[i] ?? (isChecked ? session.scoreQuestion(q, answer) : undefined);
								return (
									<li key={q.id} className="quiz-question" data-question-id={q.id}>
										<fieldset>
											<legend>
												<span className="q-number">
													Question {i + 1} of {shown.length}
												</span>
												<span className="q-prompt">{q.prompt}</span>
											</legend>
											<session.QuestionView
												question={q}
												answer={answer}
												onChange={(a) => setAnswers((prev) => ({ ...prev, [q.id]: a }))}
												locked={locked}
												uid={`${uid}-${q.id}`}
											/>
										</fieldset>
										{answering && phase.mode === 'practice' && !isChecked && (
											<button
												type="button"
												className="button button-secondary"
												disabled={!session.isAnswered(q, answers[q.id])}
												onClick={() => {
													setChecked((prev) => new Set(prev).add(q.id));
													const r = session.scoreQuestion(q, answers[q.id]);
													setAnnounce(
														`Question ${i + 1}: ${r.correct ? 'correct' : r.credit > 0 ? 'partly correct' : 'not correct'}.`,
													);
													// The button goes away: focus moves to the feedback that replaces it.
													requestAnimationFrame(() =>
														document.getElementById(`${uid}-${q.id}-feedback`)?.focus(),
													);
												}}
											>
												Check answer
											</button>
										)}
										{qr &&
											(isChecked ? (
												<div id={`${uid}-${q.id}-feedback`} tabIndex={-1} className="check-feedback">
													<session.Review result={qr} />
												</div>
											) : (
												<session.Review result={qr} />
											))}
									</li>
								);
							})}
						</ol>
					)}
					{answering && (
						<>
							<div className="quiz-submit">
								{unanswered > 0 && (
									<p className="muted">
										{unanswered} question{unanswered === 1 ? '' : 's'} not answered yet; unanswered questions
										score zero.
									</p>
								)}
								<button type="button" className="button" onClick={askSubmit}>
									{phase.mode === 'practice' ? 'Finish and record this practice' : 'Submit answers'}
								</button>{' '}
								<button
									type="button"
									className="button button-secondary"
									onClick={() => setPhase({ name: 'start' })}
								>
									Cancel
								</button>
							</div>
							<dialog
								ref={confirmRef}
								className="confirm-dialog"
								aria-labelledby={`${uid}-confirm-title`}
								aria-describedby={`${uid}-confirm-text`}
							>
								<h3 id={`${uid}-confirm-title`}>Submit with unanswered questions?</h3>
								<p id={`${uid}-confirm-text`}>
									{unanswered} question{unanswered === 1 ? ' is' : 's are'} not answered. Unanswered questions
									score zero, and this attempt counts toward certificates.
								</p>
								<p className="dialog-buttons">
									<button type="button" className="button" onClick={() => confirmRef.current?.close()}>
										Go back and answer them
									</button>{' '}
									<button type="button" className="button button-secondary" onClick={submit}>
										Submit anyway
									</button>
								</p>
							</dialog>
						</>
					)}
				</>
			)}
		</section>
	);
}

function QuizHistory({
	stats,
	revision,
	onReview,
}: {
	stats: ReturnType<typeof quizStats>;
	revision: number;
	onReview: (a: Attempt) => void;
}) {
	if (stats.attempts.length === 0) return null;
	return (
		<div className="quiz-history">
			{stats.firstPassedAt && (
				<p className="pass-badge">
					✓ Passed on {date(stats.firstPassedAt)} · best score {percent(stats.bestScoreCurrent ?? 0)}
				</p>
			)}
			{stats.passedOnOlderRevision && (
				<p className="notice">
					This quiz was updated. You passed revision {stats.passedOnOlderRevision.revision} on{' '}
					{date(stats.passedOnOlderRevision.at)}; that pass stays on your record, marked as taken on an older
					revision. Take the assessment again to pass revision {revision}.
				</p>
			)}
			<details>
				<summary>Past attempts ({stats.attempts.length})</summary>
				<ul className="attempt-list">
					{[...stats.attempts].reverse().map((a) => (
						<li key={a.id}>
							<button type="button" className="link-button" onClick={() => onReview(a)}>
								{date(a.submittedAt)}: {percent(a.score)} {a.passed ? 'passed' : 'not passed'} ({a.mode}
								{a.revision !== revision ? `, revision ${a.revision}` : ''})
							</button>
						</li>
					))}
				</ul>
			</details>
		</div>
	);
}

/** Certificates need each module marked as read as well as its assessment passed. */
function ReadMark({
	readAt,
	disabled,
	onMark,
}: {
	readAt: string | undefined;
	disabled: boolean;
	onMark: () => void;
}) {
	return readAt ? (
		<p className="read-mark is-read">
			<span aria-hidden="true">✓ </span>You marked this module as read on {date(readAt)}.
		</p>
	) : (
		<p className="read-mark">
			<button type="button" className="button button-secondary" onClick={onMark} disabled={disabled}>
				Mark this module as read
			</button>{' '}
			<span className="muted">Certificates need each module read and its assessment passed.</span>
		</p>
	);
}
