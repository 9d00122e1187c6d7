/**
 * One assignment, as a learner sees it: what is assigned, their progress and the due date, a
 * button to add it to their progress, and the report to send back. The assignment comes from the
 * address (`#a=<packed link>`, or `#k=<key>` for one already added) or, on a published
 * assignment's page, from the page itself. A bad link shows why and changes nothing.
 */
import { useEffect, useState } from 'react';
import {
	type AssignmentCatalog,
	assignmentStatus,
	localDay,
	siteAssignmentKey,
} from '../core/assignments/assignments.ts';
import { formatDate } from '../core/progress/labels.ts';
import type { AssignmentSpec } from '../schemas/assignment.ts';
import { downloadText } from './adapters/downloads.ts';
import { loadProgressClient, useProgressLater } from './adapters/progress-later.ts';
import { LearnerName } from './LearnerName.tsx';
import { LAB_LEVEL_LABELS } from './labs/labels.ts';
import { ProgressNotices } from './ProgressNotices.tsx';
import { CompletedBar, DueDate, LabTable, StudyTable } from './parts/StudyBits.tsx';

interface Props {
	catalog: AssignmentCatalog;
	/** Site base path, ending in "/". */
	base: string;
	/** This site's name and public address, recorded in reports. */
	site: { name: string; url: string };
	contentVersion: string;
	/** A published assignment file (its own page); without it the address says which assignment. */
	published?: { id: string; assignment: AssignmentSpec };
}

type Loaded =
	| { state: 'loading' }
	| { state: 'error'; message: string }
	| { state: 'ready'; key: string; assignment: AssignmentSpec; source: 'link' | 'site' };

async function fromAddress(hash: string): Promise<Loaded> {
	const key = new URLSearchParams(hash.replace(/^#/, '')).get('k');
	if (key !== null) {
		const saved = (await loadProgressClient()).getProgressStore().getSnapshot().data.assignments;
		const stored = saved?.[key];
		return stored && Object.hasOwn(saved ?? {}, key)
			? { state: 'ready', key, assignment: stored.assignment, source: stored.source }
			: {
					state: 'error',
					message:
						'This assignment is not among the assignments saved in this browser. Open the link you were sent instead.',
				};
	}
	// Loaded on demand: the link codec brings the digest code, which the page needs only now.
	const { openAssignmentLink, packedFromFragment } = await import('../core/assignments/link.ts');
	const opened = await openAssignmentLink(packedFromFragment(hash));
	return opened.ok
		? { state: 'ready', key: opened.key, assignment: opened.assignment, source: 'link' }
		: { state: 'error', message: opened.message };
}

export default function AssignmentView({ catalog, base, site, contentVersion, published }: Props) {
	// The store (and its schemas) loads after hydration, so the page shows first (issue #22).
	const later = useProgressLater();
	const store = later.client?.getProgressStore();
	const progress = { data: later.data };
	const hydrated = later.state !== undefined;
	const [loaded, setLoaded] = useState<Loaded>(
		published
			? {
					state: 'ready',
					key: siteAssignmentKey(published.id),
					assignment: published.assignment,
					source: 'site',
				}
			: { state: 'loading' },
	);
	/** The latest outcome, shown next to the control that caused it. */
	const [message, setMessage] = useState<
		{ where: 'track' | 'report'; tone: 'ok' | 'bad'; text: string } | undefined
	>();

	useEffect(() => {
		if (published) return;
		const load = () => {
			setMessage(undefined);
			void fromAddress(window.location.hash).then(setLoaded, () =>
				setLoaded({
					state: 'error',
					message: 'Part of this page did not load. Check your connection and reload the page.',
				}),
			);
		};
		load();
		window.addEventListener('hashchange', load);
		return () => window.removeEventListener('hashchange', load);
	}, [published]);

	const marker = hydrated && loaded.state !== 'loading' ? 'true' : undefined;
	if (loaded.state === 'loading') {
		return (
			<p className="muted" data-hydrated={marker}>
				Opening the assignment…
			</p>
		);
	}
	if (loaded.state === 'error') {
		return (
			<div data-hydrated={marker}>
				<div className="notice notice-warning" role="alert">
					<p>
						<strong>This assignment cannot be opened.</strong> {loaded.message}
					</p>
				</div>
				<p>
					<a href={`${base}dashboard/`}>See your progress and saved assignments</a>
				</p>
			</div>
		);
	}

	const { key, assignment, source } = loaded;
	const status = assignmentStatus(progress.data, assignment, catalog, localDay());
	const saved =
		progress.data.assignments && Object.hasOwn(progress.data.assignments, key)
			? progress.data.assignments[key]
			: undefined;
	const Sub = published ? 'h2' : 'h3';

	const add = () => {
		if (!store) return;
		try {
			store.addAssignment(key, { assignment, source });
			setMessage({
				where: 'track',
				tone: 'ok',
				text: 'Added to your assignments. Your progress page now shows it with its due date.',
			});
		} catch (e) {
			setMessage({ where: 'track', tone: 'bad', text: `It could not be added: ${(e as Error).message}.` });
		}
	};

	const exportReport = async () => {
		if (!store) return;
		const data = store.getSnapshot().data;
		if (!data.learnerName) {
			setMessage({
				where: 'report',
				tone: 'bad',
				text: 'Save your name above first: the report says whose it is.',
			});
			return;
		}
		const { buildReport, encodeReport, reportFileName } = await import('../core/teams/report.ts');
		const report = await buildReport({
			data,
			key,
			stored: { assignment, source },
			catalog,
			meta: { site, contentVersion, learnerName: data.learnerName, now: new Date().toISOString() },
		});
		downloadText(reportFileName(report), encodeReport(report));
		setMessage({
			where: 'report',
			tone: 'ok',
			text: `Your report (${report.evidence.attempts.length} assessment attempt${report.evidence.attempts.length === 1 ? '' : 's'}) was saved to your downloads as ${reportFileName(report)}. Send that file to your manager.`,
		});
	};

	return (
		<div className="assignment-view" data-hydrated={marker}>
			<ProgressNotices later={later} />
			{!published && <h2>{assignment.title}</h2>}
			<dl className="assignment-facts">
				<div>
					<dt>Due</dt>
					<dd>
						<DueDate due={assignment.due} overdue={status.overdue} done={status.done} />
					</dd>
				</div>
				<div>
					<dt>From</dt>
					<dd>{source === 'link' ? 'An assignment link' : 'Published on this site'}</dd>
				</div>
			</dl>
			{assignment.note && (
				<blockquote className="assignment-note" dir="auto">
					{assignment.note}
				</blockquote>
			)}
			{status.resolved.unknown.length > 0 && (
				<div className="notice notice-warning">
					<p>
						Part of this assignment is not on this site (it may have been removed since the assignment was
						made): {status.resolved.unknown.join('; ')}.
					</p>
				</div>
			)}

			<Sub>What is assigned</Sub>
			<ul>
				{status.resolved.items.map((r) => (
					<li key={JSON.stringify(r.item)}>
						{'path' in r.item && r.known ? <a href={`${base}paths/${r.item.path}/`}>{r.label}</a> : r.label}{' '}
						<span className="muted">
							({r.moduleIds.length} module{r.moduleIds.length === 1 ? '' : 's'})
						</span>
					</li>
				))}
			</ul>
			<CompletedBar
				completed={status.completed}
				total={status.total}
				label={`Progress on ${assignment.title}`}
			/>
			<p className="muted">A module counts as completed when you pass its quiz in assessment mode.</p>
			<StudyTable modules={status.modules} base={base} label="Assigned modules and your progress" />
			{status.labs.total > 0 && (
				<section className="assigned-labs" aria-labelledby="assigned-labs">
					<Sub id="assigned-labs">Hands-on labs</Sub>
					<p>
						<strong>
							{hydrated ? status.labs.completed : '…'} of {status.labs.total}
						</strong>{' '}
						labs completed.{' '}
						<span className="muted">
							A lab is completed when your code passes all its checks on the lab's current version. Labs are
							practice: the assignment is done when its modules are.
						</span>
					</p>
					<LabTable labs={status.labs.labs} levels={LAB_LEVEL_LABELS} label="Assigned labs and your status" />
				</section>
			)}

			<Sub>Keep track of it</Sub>
			{saved ? (
				<p>
					In your assignments since {formatDate(saved.addedAt)}.{' '}
					<a href={`${base}dashboard/#assignments`}>See all your assignments</a>{' '}
					<button
						type="button"
						className="link-button"
						onClick={() => {
							store?.removeAssignment(key);
							setMessage({
								where: 'track',
								tone: 'ok',
								text: 'Removed from your assignments. Your module progress is unchanged.',
							});
						}}
					>
						Remove from my assignments
					</button>
				</p>
			) : (
				<p>
					<button type="button" className="button" onClick={add} disabled={!hydrated}>
						Add to my assignments
					</button>{' '}
					<span className="muted">It is kept in this browser only, with your progress.</span>
				</p>
			)}
			<Status message={message} where="track" />

			<Sub>Report to your manager</Sub>
			<p className="prose">
				The report is a file with your results for these modules: which quizzes you passed, your scores, the
				quiz revisions, dates and your answers, so your manager's page can mark them again. It holds nothing
				else from this browser, and nothing is sent anywhere: you send the file yourself.
			</p>
			<LearnerName saved={progress.data.learnerName} hint="Your manager sees this name on the team report." />
			<p>
				<button
					type="button"
					className="button"
					onClick={() => void exportReport()}
					disabled={!hydrated || !progress.data.learnerName}
				>
					Download report
				</button>
				{!progress.data.learnerName && <span className="muted"> Save your name first.</span>}
			</p>
			<Status message={message} where="report" />
		</div>
	);
}

/** A live region next to a control; it shows the latest message when it is about that control. */
function Status({
	message,
	where,
}: {
	message: { where: string; tone: 'ok' | 'bad'; text: string } | undefined;
	where: string;
}) {
	return (
		<div role="status" aria-live="polite">
			{message?.where === where && <p className={`message message-${message.tone}`}>{message.text}</p>}
		</div>
	);
}
