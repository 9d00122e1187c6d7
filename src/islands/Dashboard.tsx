/**
 * The learner dashboard: progress per principle and track, where to continue, a chart, and the
 * backup tools (export, import, reset). Everything is computed by `core/dashboard.ts`.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { PathSummary } from '../core/assignments/assignments.ts';
import type { CertificateCatalog } from '../core/certificates/eligibility.ts';
import { buildDashboard, type CatalogSummary } from '../core/progress/dashboard.ts';
import { formatDate, MODULE_STATE_LABELS, percentOr } from '../core/progress/labels.ts';
import { downloadText } from './adapters/downloads.ts';
import { useProgressLater } from './adapters/progress-later.ts';
import { ProgressNotices } from './ProgressNotices.tsx';
import { ProgressChart } from './parts/ProgressChart.tsx';
import { YourPlan } from './parts/YourPlan.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Loaded after the page shows: it marks passes again before counting certificates. */
const EarnedCertificates = lazy(() => import('./certificates/EarnedCertificates.tsx'));
/** Loaded only when there is a set-aside copy to list. */
const SetAsideCopies = lazy(() => import('./SetAsideCopies.tsx'));

interface Props {
	catalog: CatalogSummary;
	contentVersion: string;
	/** Site base path, ending in "/". */
	base: string;
	trackTitles: Record<string, string>;
	/** Learning paths, for the chosen path and assignments sections. */
	paths?: PathSummary[];
	/** Published labs (module, revision), so the certificate count includes the practitioner certificates. */
	certificateLabs?: CertificateCatalog['labs'];
}

const day = (iso: string | undefined) => (iso ? formatDate(iso) : 'never');

export default function Dashboard({
	catalog,
	contentVersion,
	base,
	trackTitles,
	paths = [],
	certificateLabs,
}: Props) {
	// The store (and its schemas) loads after hydration: the page shows first (issue #22).
	const later = useProgressLater();
	const store = later.client?.getProgressStore();
	const progress = { data: later.data };
	const hydrated = later.state !== undefined;
	const d = buildDashboard(progress.data, catalog);
	const [message, setMessage] = useState<
		{ tone: 'ok' | 'bad'; text: string; details?: string[]; technical?: string } | undefined
	>();
	const [confirmReset, setConfirmReset] = useState<string | undefined>();
	const [persisted, setPersisted] = useState<boolean | undefined>();
	const fileRef = useRef<HTMLInputElement>(null);

	useEffect(() => {
		void navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(undefined));
	}, []);

	const exportProgress = () => {
		if (!store || !later.client) return;
		const text = store.exportFile(contentVersion);
		downloadText(`secure-ai-academy-progress-${new Date().toISOString().slice(0, 10)}.json`, text);
		setMessage({ tone: 'ok', text: 'Your progress was saved to a file in your downloads.' });
		void later.client.requestPersistence().then(setPersisted);
	};

	// Importing and recovering are loaded on demand (dashboard-import.ts): the marking code and the
	// quiz schema are not needed to show progress.
	const recover = async (raw: string, what: string) => {
		const { recoverCopy } = await import('./dashboard-import.ts');
		setMessage(await recoverCopy(raw, what, { base, catalog }));
	};

	const importProgress = async (file: File) => {
		const { importProgressFile } = await import('./dashboard-import.ts');
		setMessage(await importProgressFile(file, { base, catalog }));
		if (fileRef.current) fileRef.current.value = '';
	};

	const quizFor = (moduleId: string) => catalog.modules.find((m) => m.id === moduleId)?.quiz;

	return (
		<div className="dashboard" data-hydrated={hydrated ? 'true' : undefined}>
			<ProgressNotices later={later} />
			<section aria-labelledby="overview">
				<h2 id="overview">Overview</h2>
				<p className="big-number">
					{d.completed} of {d.total} modules completed
				</p>
				<p className="muted">
					A module counts as completed when you pass its quiz in assessment mode. {d.attempts} quiz attempt
					{d.attempts === 1 ? '' : 's'} recorded in this browser.
				</p>
				<div className="next-steps">
					{d.continueWith && (
						<p>
							<span className="muted">Continue where you left off: </span>
							<a href={`${base}modules/${d.continueWith.id}/`}>{d.continueWith.title}</a>
						</p>
					)}
					{d.next && (
						<p>
							<span className="muted">{d.continueWith ? 'Then: ' : 'Start here: '}</span>
							<a href={`${base}modules/${d.next.id}/`}>{d.next.title}</a>
						</p>
					)}
					{!d.next && d.total > 0 && <p className="pass-badge">✓ Every module is completed. Well done.</p>}
				</div>
			</section>

			<YourPlan data={progress.data} catalog={{ ...catalog, paths }} base={base} />

			<section aria-labelledby="by-principle">
				<h2 id="by-principle">Code of Practice principles</h2>
				<ProgressChart rows={d.byPrinciple} />
				<p>
					{/* Client only: a lazy component must not suspend during server rendering. */}
					{hydrated ? (
						<Suspense fallback="Certificates earned: …">
							<EarnedCertificates
								data={progress.data}
								catalog={catalog}
								base={base}
								labs={certificateLabs}
								trackTitles={trackTitles}
							/>
						</Suspense>
					) : (
						'Certificates earned: …'
					)}
					. <a href={`${base}certificates/`}>Your certificates and what each still needs</a>
				</p>
			</section>

			<section aria-labelledby="by-track">
				<h2 id="by-track">By track</h2>
				<ul className="track-list">
					{d.byTrack.map((t) => (
						<li key={t.track}>
							<strong>{trackTitles[t.track] ?? t.track}</strong>: {t.completed} of {t.total} completed
							<progress
								max={t.total}
								value={t.completed}
								aria-label={`${trackTitles[t.track] ?? t.track} progress`}
							/>
						</li>
					))}
				</ul>
			</section>

			<section aria-labelledby="all-modules">
				<h2 id="all-modules">Every module</h2>
				<ScrollRegion label="Every module and its status">
					<table>
						<thead>
							<tr>
								<th scope="col">Module</th>
								<th scope="col">Status</th>
								<th scope="col">Best score</th>
								<th scope="col">Passed</th>
								<th scope="col">
									<span className="visually-hidden">Actions</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{d.modules.map((m) => {
								const quiz = quizFor(m.id);
								const hasAttempts = quiz && progress.data.attempts.some((a) => a.quizId === quiz.id);
								return (
									<tr key={m.id}>
										<th scope="row">
											<a href={`${base}modules/${m.id}/`}>{m.title}</a>
										</th>
										<td className={`state-${m.state}`}>{MODULE_STATE_LABELS[m.state]}</td>
										<td>{percentOr(m.bestScore)}</td>
										<td>
											{m.passedAt
												? day(m.passedAt)
												: m.passedOlderRevision
													? `On revision ${m.passedOlderRevision} (quiz since updated)`
													: '–'}
										</td>
										<td>
											{hasAttempts &&
												(confirmReset === quiz.id ? (
													<span className="confirm">
														<button
															type="button"
															className="link-button danger"
															onClick={() => {
																store?.resetQuiz(quiz.id);
																setConfirmReset(undefined);
																setMessage({ tone: 'ok', text: `Attempts for “${m.title}” were deleted.` });
															}}
														>
															Yes, delete its attempts
														</button>{' '}
														<button
															type="button"
															className="link-button"
															onClick={() => setConfirmReset(undefined)}
														>
															Keep them
														</button>
													</span>
												) : (
													<button
														type="button"
														className="link-button"
														onClick={() => setConfirmReset(quiz.id)}
														aria-label={`Reset the quiz for ${m.title}`}
													>
														Reset quiz
													</button>
												))}
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</ScrollRegion>
			</section>

			<section aria-labelledby="backup">
				<h2 id="backup">Keep your progress safe</h2>
				<p>
					Progress lives only in this browser: clearing site data deletes it. Last backed up:{' '}
					<strong>{day(progress.data.lastBackupAt)}</strong>.{' '}
					{persisted === true && 'This browser has agreed to keep the data even when space runs low.'}
					{persisted === false &&
						'This browser may clear the data when space runs low, so export a copy now and then.'}
				</p>
				<p className="actions">
					<button type="button" className="button" onClick={exportProgress} disabled={!hydrated}>
						Export progress to a file
					</button>{' '}
					<label className="button button-secondary file-button">
						Import a progress file
						<input
							ref={fileRef}
							type="file"
							accept="application/json,.json"
							className="visually-hidden"
							disabled={!hydrated}
							onChange={(e) => {
								const f = e.currentTarget.files?.[0];
								if (f) void importProgress(f);
							}}
						/>
					</label>
				</p>
				<p className="muted">Importing merges the file with what is here; it never deletes anything.</p>
				<div role="status" aria-live="polite">
					{message && (
						<div className={`message message-${message.tone}`}>
							<p>{message.text}</p>
							{message.details && message.details.length > 0 && (
								<ul className="import-refused">
									{message.details.map((t) => (
										<li key={t}>{t}</li>
									))}
								</ul>
							)}
							{message.technical && (
								<details className="technical-detail">
									<summary>Technical detail</summary>
									<code>{message.technical}</code>
								</details>
							)}
						</div>
					)}
				</div>
				{hydrated && (store?.setAsideCopies().length ?? 0) > 0 && (
					<Suspense fallback={null}>
						<SetAsideCopies
							hydrated={hydrated}
							onRecover={(raw, at) => void recover(raw, `the copy set aside ${at}`)}
						/>
					</Suspense>
				)}
				<h3>Start again</h3>
				{confirmReset === '*' ? (
					<p className="confirm">
						This deletes all {progress.data.attempts.length} attempts and module history in this browser.{' '}
						<button
							type="button"
							className="button danger"
							onClick={() => {
								store?.resetAll();
								setConfirmReset(undefined);
								setMessage({ tone: 'ok', text: 'All progress in this browser was deleted.' });
							}}
						>
							Yes, delete everything
						</button>{' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() => setConfirmReset(undefined)}
						>
							Cancel
						</button>
					</p>
				) : (
					<p>
						<button
							type="button"
							className="button button-secondary"
							onClick={() => setConfirmReset('*')}
							disabled={!hydrated}
						>
							Reset all progress…
						</button>
					</p>
				)}
			</section>
		</div>
	);
}
