/**
 * The learner dashboard: progress per principle and track, where to continue, a chart, and the
 * backup tools (export, import, reset). Everything is computed by `core/dashboard.ts`.
 */
import './adapters/zod-jitless.ts';
import { allStatuses } from '../core/certificates/eligibility.ts';
import { useEffect, useRef, useState } from 'react';
import type { PathSummary } from '../core/assignments/assignments.ts';
import { type CatalogSummary, buildDashboard } from '../core/progress/dashboard.ts';
import {
	downloadText,
	getProgressStore,
	requestPersistence,
	useProgress,
} from './adapters/progress-client.ts';
import { ProgressChart } from './ProgressChart.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { StorageNotice } from './StorageNotice.tsx';
import { useCheckedProgress } from './certificates/checked-progress.ts';
import { YourPlan } from './YourPlan.tsx';
import { MODULE_STATE_LABELS, percent } from '../core/progress/labels.ts';
import { decodeImport } from '../core/progress/codec.ts';

interface Props {
	catalog: CatalogSummary;
	contentVersion: string;
	/** Site base path, ending in "/". */
	base: string;
	trackTitles: Record<string, string>;
	/** Learning paths, for the chosen path and assignments sections. */
	paths?: PathSummary[];
}

const pct = (n: number | undefined) => (n === undefined ? '–' : percent(n));
const day = (iso: string | undefined) =>
	iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : 'never';

export default function Dashboard({ catalog, contentVersion, base, trackTitles, paths = [] }: Props) {
	const progress = useProgress();
	const d = buildDashboard(progress.data, catalog);
	// Provision lists are not needed to count certificates, so the dashboard does not carry them.
	// Counted only on passes that re-score as recorded (the verify page's check).
	const checked = useCheckedProgress(progress.data, base);
	const certificates = allStatuses(
		{ ...catalog, principles: catalog.principles.map((p) => ({ ...p, provisions: [] })) },
		checked.state === 'checked' ? checked.data : { ...progress.data, attempts: [] },
	);
	const earned = certificates.filter((c) => c.earned);
	const [message, setMessage] = useState<
		{ tone: 'ok' | 'bad'; text: string; details?: string[] } | undefined
	>();
	const [confirmReset, setConfirmReset] = useState<string | undefined>();
	const [persisted, setPersisted] = useState<boolean | undefined>();
	const [hydrated, setHydrated] = useState(false);
	const fileRef = useRef<HTMLInputElement>(null);

	useEffect(() => {
		setHydrated(true);
		void navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(undefined));
	}, []);

	const exportProgress = () => {
		const text = getProgressStore().exportFile(contentVersion);
		downloadText(`secure-ai-academy-progress-${new Date().toISOString().slice(0, 10)}.json`, text);
		setMessage({ tone: 'ok', text: 'Your progress was saved to a file in your downloads.' });
		void requestPersistence().then(setPersisted);
	};

	/** The published quizzes for these attempts, or a message when they cannot be loaded. */
	const bankFor = async (quizIds: string[]) => {
		// Loaded on demand only: the quiz schema and the marking code are not needed to show progress.
		const [{ fetchBank }, screen] = await Promise.all([
			import('../core/quiz/bank-fetch.ts'),
			import('../core/progress/screen.ts'),
		]);
		const { bank, missing } = await fetchBank(base, quizIds);
		const published = new Set(catalog.modules.flatMap((m) => (m.quiz ? [m.quiz.id] : [])));
		const unavailable = missing.filter((id) => published.has(id));
		return { bank, unavailable, ...screen };
	};

	/** Recovers a set-aside copy: keeps what validates and re-scores, says what was dropped. */
	const recover = async (raw: string, what: string) => {
		const { recoverProgress } = await import('../core/progress/recover.ts');
		const { data, dropped } = recoverProgress(raw);
		const { bank, unavailable, screenAttempts, refusalText } = await bankFor(
			data.attempts.map((a) => a.quizId),
		);
		if (unavailable.length) {
			setMessage({
				tone: 'bad',
				text: `The quizzes needed to check ${what} could not be loaded (${unavailable.join(', ')}), so nothing was recovered. Try again when you are online.`,
			});
			return;
		}
		const screened = screenAttempts(data, bank);
		getProgressStore().mergeData(screened.data);
		const when = (id: string) => data.attempts.find((a) => a.id === id)?.submittedAt;
		const details = [
			...dropped.map((d) => `Dropped ${d}.`),
			...screened.refused.map((c) => refusalText(c, when(c.attemptId), 'was not recovered')),
		];
		const modules = Object.keys(screened.data.modules).length;
		setMessage({
			tone: details.length ? 'bad' : 'ok',
			text: `Recovered ${screened.data.attempts.length} attempt${screened.data.attempts.length === 1 ? '' : 's'} and ${modules} module record${modules === 1 ? '' : 's'} from ${what} and merged them with your progress.${details.length ? ' What could not be kept:' : ' Nothing had to be dropped.'}`,
			details,
		});
	};

	const importProgress = async (file: File) => {
		const done = () => {
			if (fileRef.current) fileRef.current.value = '';
		};
		if (file.size > 2 * 1024 * 1024) {
			setMessage({
				tone: 'bad',
				text: `“${file.name}” is too large to be a progress file (the limit is 2 MB). Nothing was changed.`,
			});
			return done();
		}
		const text = await file.text();
		const decoded = decodeImport(text, file.size);
		if (!decoded.ok) {
			// A downloaded set-aside copy is not an export, but it can be recovered.
			const { setAsideRaw } = await import('../core/progress/recover.ts');
			let raw: string | undefined;
			try {
				raw = setAsideRaw(JSON.parse(text));
			} catch {
				raw = undefined;
			}
			if (raw !== undefined) await recover(raw, `“${file.name}”`);
			else setMessage({ tone: 'bad', text: `${decoded.message} Nothing was changed.` });
			return done();
		}
		// Every attempt is marked again against the published quizzes, as the verify page does.
		const { bank, unavailable, screenAttempts, refusalText } = await bankFor(
			decoded.data.attempts.map((a) => a.quizId),
		);
		if (unavailable.length) {
			setMessage({
				tone: 'bad',
				text: `The quizzes needed to check this file could not be loaded (${unavailable.join(', ')}), so nothing was imported. Try again when you are online.`,
			});
			return done();
		}
		let screened: ReturnType<typeof screenAttempts> | undefined;
		const r = getProgressStore().importFile(text, file.size, (data) => {
			screened = screenAttempts(data, bank);
			return screened.data;
		});
		const refused = screened?.refused ?? [];
		const when = (id: string) => decoded.data.attempts.find((a) => a.id === id)?.submittedAt;
		const n = r.ok ? r.data.attempts.length : 0;
		setMessage(
			r.ok
				? {
						tone: refused.length ? 'bad' : 'ok',
						text: `Imported ${n} attempt${n === 1 ? '' : 's'} from “${file.name}” and merged them with your progress.${refused.length ? ` ${refused.length} attempt${refused.length === 1 ? ' was' : 's were'} not imported, because the answers do not give the score recorded:` : ''}`,
						details: refused.map((c) => refusalText(c, when(c.attemptId))),
					}
				: { tone: 'bad', text: `${r.message} Nothing was changed.` },
		);
		done();
	};

	const quizFor = (moduleId: string) => catalog.modules.find((m) => m.id === moduleId)?.quiz;

	return (
		<div className="dashboard" data-hydrated={hydrated ? 'true' : undefined}>
			<StorageNotice state={progress} />
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
					Certificates earned: <strong>{earned.length}</strong> of {certificates.length}
					{earned.length > 0 &&
						` (${earned.map((c) => (c.principle ? `principle ${c.principle}` : 'capstone')).join(', ')})`}
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
										<td>{pct(m.bestScore)}</td>
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
																getProgressStore().resetQuiz(quiz.id);
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
						</div>
					)}
				</div>
				<SetAsideCopies
					hydrated={hydrated}
					onRecover={(raw, at) => void recover(raw, `the copy set aside ${at}`)}
				/>
				<h3>Start again</h3>
				{confirmReset === '*' ? (
					<p className="confirm">
						This deletes all {progress.data.attempts.length} attempts and module history in this browser.{' '}
						<button
							type="button"
							className="button danger"
							onClick={() => {
								getProgressStore().resetAll();
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

/**
 * Every copy of unreadable progress this browser set aside, until the learner deletes it: download
 * (an importable file), recover (keep what validates and re-scores), delete.
 */
function SetAsideCopies({
	hydrated,
	onRecover,
}: {
	hydrated: boolean;
	onRecover: (raw: string, at: string) => void;
}) {
	useProgress(); // re-render when the store changes (a copy deleted, a record recovered)
	const [confirm, setConfirm] = useState<string>();
	if (!hydrated) return null;
	const copies = getProgressStore().setAsideCopies();
	if (!copies.length) return null;
	const when = (at: string) => (Number.isNaN(Date.parse(at)) ? at : new Date(at).toLocaleString());
	return (
		<section className="set-aside" aria-labelledby="set-aside">
			<h3 id="set-aside">Set-aside copies of unreadable progress</h3>
			<p>
				This browser once found saved progress it could not read, and kept{' '}
				{copies.length === 1 ? 'a copy' : 'copies'} aside instead of deleting{' '}
				{copies.length === 1 ? 'it' : 'them'}. Recovering keeps every part that is still valid and whose
				answers give the score recorded, and says what was dropped.
			</p>
			<ul className="set-aside-list">
				{copies.map((c) => (
					<li key={c.key} data-set-aside={c.key}>
						Set aside {when(c.at)} ({c.raw.length.toLocaleString()} characters){' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() =>
								void import('../core/progress/recover.ts').then(({ encodeSetAside }) =>
									downloadText(
										`secure-ai-academy-set-aside-${c.at.replace(/[^0-9A-Za-z-]/g, '')}.json`,
										encodeSetAside(c.key, c.raw),
									),
								)
							}
						>
							Download
						</button>{' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() => onRecover(c.raw, when(c.at))}
						>
							Recover
						</button>{' '}
						{confirm === c.key ? (
							<>
								<button
									type="button"
									className="button danger"
									onClick={() => {
										getProgressStore().deleteSetAside(c.key);
										setConfirm(undefined);
									}}
								>
									Yes, delete this copy
								</button>{' '}
								<button
									type="button"
									className="button button-secondary"
									onClick={() => setConfirm(undefined)}
								>
									Keep it
								</button>
							</>
						) : (
							<button type="button" className="button button-secondary" onClick={() => setConfirm(c.key)}>
								Delete
							</button>
						)}
					</li>
				))}
			</ul>
		</section>
	);
}
