/**
 * On a learning path's page: the learner's progress along it, the next module, and a button to make
 * it their path (kept in this browser's progress; the dashboard then shows it).
 */
import { useState } from 'react';
import {
	type AssignmentLab,
	type CatalogModule,
	labsProgress,
	studyProgress,
} from '../core/assignments/assignments.ts';
import { useProgressLater } from './adapters/progress-later.ts';
import { ProgressNotices } from './ProgressNotices.tsx';
import { CompletedBar } from './parts/StudyBits.tsx';

interface Props {
	path: { id: string; title: string };
	/** The path's modules, in order. */
	modules: CatalogModule[];
	/** The labs that practise the path's modules, step by step (counted apart: they do not complete the path). */
	labs?: AssignmentLab[];
	/** Site base path, ending in "/". */
	base: string;
}

export default function PathChooser({ path, modules, labs = [], base }: Props) {
	// The store (and its schemas) loads after hydration, so the page shows first (issue #22).
	const later = useProgressLater();
	const store = later.client?.getProgressStore();
	const progress = { data: later.data };
	const hydrated = later.state !== undefined;
	const [status, setStatus] = useState('');
	const p = studyProgress(progress.data, modules);
	const practised = labsProgress(progress.data, labs);
	const chosen = progress.data.path?.id === path.id;

	return (
		<section className="panel" aria-labelledby="path-progress" data-hydrated={hydrated ? 'true' : undefined}>
			<ProgressNotices later={later} />
			<h2 id="path-progress">Your progress on this path</h2>
			<CompletedBar completed={p.completed} total={p.total} label={`Progress on the ${path.title} path`} />
			{practised.total > 0 && (
				<p className="labs-practised">
					Labs practised: <strong>{hydrated ? practised.completed : '…'}</strong> of {practised.total}{' '}
					<span className="muted">(optional practice; the path is complete when its modules are)</span>
				</p>
			)}
			{p.next && (
				<p>
					<span className="muted">{p.completed === 0 ? 'Start with: ' : 'Next: '}</span>
					<a href={`${base}modules/${p.next.id}/`}>{p.next.title}</a>
				</p>
			)}
			{chosen ? (
				<p>
					This is your chosen path; your progress page follows it.{' '}
					<button
						type="button"
						className="link-button"
						onClick={() => {
							store?.choosePath(undefined);
							setStatus('This path is no longer your chosen path.');
						}}
					>
						Stop following this path
					</button>
				</p>
			) : (
				<p>
					<button
						type="button"
						className="button"
						disabled={!hydrated}
						onClick={() => {
							store?.choosePath(path.id);
							setStatus(`“${path.title}” is now your path. Your progress page shows it.`);
						}}
					>
						Make this my path
					</button>
					{progress.data.path && <span className="muted"> (instead of your current path)</span>}
				</p>
			)}
			<p role="status" className="field-status">
				{status}
			</p>
		</section>
	);
}
