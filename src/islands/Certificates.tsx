/** The learner's certificates: earned ones with links, and for the rest what is still to do. */
import './adapters/zod-jitless.ts';
import { useEffect, useState } from 'react';
import { allStatuses, type CertificateCatalog } from '../core/certificates/eligibility.ts';
import { LearnerName } from './LearnerName.tsx';
import { useProgress } from './adapters/progress-client.ts';
import { StorageNotice } from './StorageNotice.tsx';

interface Props {
	catalog: CertificateCatalog;
	base: string;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export default function Certificates({ catalog, base }: Props) {
	const progress = useProgress();
	const [hydrated, setHydrated] = useState(false);
	useEffect(() => setHydrated(true), []);
	const statuses = allStatuses(catalog, progress.data);
	const earned = statuses.filter((s) => s.earned);

	return (
		<div className="certificates" data-hydrated={hydrated ? 'true' : undefined}>
			<StorageNotice state={progress} />
			<LearnerName
				saved={progress.data.learnerName}
				hint="Shown on your certificates. Any script works; it stays in this browser."
			/>
			<h2>
				Earned: {hydrated ? earned.length : '…'} of {statuses.length}
			</h2>
			<ul className="certificate-list">
				{statuses.map((s) => (
					<li key={s.id} className={s.earned ? 'is-earned' : 'is-open'} data-certificate={s.id}>
						<h3>{s.earned ? <a href={`${base}certificates/${s.id}/`}>{s.title}</a> : s.title}</h3>
						{s.earned ? (
							<p>
								<span className="badge badge-done">Earned</span> {day(s.earnedAt as string)} · score{' '}
								{Math.round((s.score ?? 0) * 100)}%
							</p>
						) : (
							<>
								<p>
									<span className="badge">Not yet</span> Still to do:
								</p>
								<ul>
									{s.principle === undefined
										? s.remaining.map((r) => <li key={r}>{r}</li>)
										: s.requirements
												.filter((r) => !r.done)
												.map((r) => (
													<li key={r.moduleId}>
														<a href={`${base}modules/${r.moduleId}/#quiz`}>{r.title}</a>:{' '}
														{[!r.readAt && 'mark it as read', r.quiz && !r.passedAt && 'pass its assessment']
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
