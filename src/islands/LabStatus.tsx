/**
 * A lab's status for this learner, read from the progress store, next to the lab's link on a
 * learning path's page. Renders nothing on the server or without JavaScript: the page lists the
 * lab statically, and the status exists only in this browser.
 */
import { LAB_STATUS_LABELS, labRecord, labStatus } from '../core/labs/status.ts';
import { useProgressLater } from './adapters/progress-later.ts';

export default function LabStatus({ id, revision }: { id: string; revision: number }) {
	// The store loads after hydration (issue #22); until then there is no status to show.
	const { state } = useProgressLater();
	if (!state) return null;
	const status = labStatus(labRecord(state.data.labs, id), revision);
	return (
		<span className="path-lab-status" data-lab-status={status} data-hydrated="true">
			<span className="visually-hidden">Your status: </span>
			{LAB_STATUS_LABELS[status]}
		</span>
	);
}
