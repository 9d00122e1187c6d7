/** The learner's certificates: earned ones with links, and for the rest what is still to do. */
import { allStatuses, type CertificateCatalog } from '../core/certificates/eligibility.ts';
import { useProgressLater } from './adapters/progress-later.ts';
import { useCheckedProgress } from './certificates/checked-progress.ts';
import { LearnerName } from './LearnerName.tsx';
import { ProgressNotices } from './ProgressNotices.tsx';

interface Props {
	catalog: CertificateCatalog;
	base: string;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export default function Certificates({ catalog, base }: Props) {
	// The store (and its schemas) loads after hydration, so the page shows first (issue #22).
	const later = useProgressLater();
	const progress = { data: later.data };
	const hydrated = later.state !== undefined;
	// Earned only on passes that re-score as recorded (the verify page's check).
	const checked = useCheckedProgress(progress.data, base);
	const statuses = allStatuses(catalog, checked.state === 'checked' ? checked.data : progress.data);
	const settled = checked.state !== 'checking';
	const earned = statuses.filter((s) => s.earned);

	return (
		<div className="certificates" data-hydrated={hydrated ? 'true' : undefined}>
			<ProgressNotices later={later} />
			<LearnerName
				saved={progress.data.learnerName}
				hint="Shown on your certificates. Any script works; it stays in this browser."
			/>
			<h2>
				Earned: {hydrated && settled ? earned.length : '…'} of {statuses.length}
			</h2>
			{checked.state === 'unchecked' && <p className="notice">{checked.message}</p>}
			{checked.state === 'checked' && checked.refused.length > 0 && (
				<div className="notice" role="alert">
					<p>
						{checked.refused.length} recorded pass{checked.refused.length === 1 ? ' does' : 'es do'} not
						count: the answers do not give the score recorded.
					</p>
					<ul>
						{checked.refused.map((c) => (
							<li key={c.attemptId}>
								{c.quizId} (revision {c.revision}): {c.message}.
							</li>
						))}
					</ul>
				</div>
			)}
			<ul className="certificate-list">
				{statuses.map((s) => (
					<li key={s.id} className={s.earned ? 'is-earned' : 'is-open'} data-certificate={s.id}>
						<h3>{s.earned ? <a href={`${base}certificates/${s.id}/`}>{s.title}</a> : s.title}</h3>
						{s.earned && !settled ? (
							<p>
								<span className="badge">Checking…</span> marking the passes again against the published
								quizzes
							</p>
						) : s.earned ? (
							<p>
								<span className="badge badge-done">Earned</span> {day(s.earnedAt as string)} · score{' '}
								{Math.round((s.score ?? 0) * 100)}%
							</p>
						) : (
							<>
								<p>
									<span className="badge">Not yet</span> Still to do:
								</p>
								{s.labs && (
									<p data-testid="practitioner-progress">
										Labs passed without the solution shown: {s.labs.filter((l) => l.done).length} of{' '}
										{s.labs.length}
									</p>
								)}
								<ul>
									{s.labs
										? s.labs
												.filter((l) => !l.done)
												.map((l) => (
													<li key={l.labId}>
														<a href={`${base}labs/${l.labId}/`}>{l.title}</a>: pass it without showing the
														solution
													</li>
												))
										: s.principle === undefined
											? s.remaining.map((r) => <li key={r}>{r}</li>)
											: s.requirements
													.filter((r) => !r.done)
													.map((r) => (
														<li key={r.moduleId}>
															<a href={`${base}modules/${r.moduleId}/#quiz`}>{r.title}</a>:{' '}
															{[
																!r.readAt && 'mark it as read',
																r.quiz && !r.passedAt && 'pass its assessment',
															]
																.filter(Boolean)
																.join(' and ')}
														</li>
													))}
								</ul>
							</>
						)}
					</li>
				))}
			</ul>
		</div>
	);
}
