/**
 * A lab's status for this learner, read from the progress store, next to the lab's link on a
 * learning path's page. Renders nothing on the server or without JavaScript: the page lists the
 * lab statically, and the status exists only in this browser.
 */
import { useEffect, useState } from 'react';
import { labRecord } from '../core/labs/progress.ts';
import { LAB_STATUS_LABELS, labStatus } from '../core/labs/record.ts';
import { useProgress } from './adapters/progress-client.ts';

export default function LabStatus({ id, revision }: { id: string; revision: number }) {
	const progress = useProgress();
	const [hydrated, setHydrated] = useState(false);
	useEffect(() => setHydrated(true), []);
	if (!hydrated) return null;
	const status = labStatus(labRecord(progress.data.labs, id), revision);
	return (
		<span className="path-lab-status" data-lab-status={status} data-hydrated="true">
			<span className="visually-hidden">Your status: </span>
			{LAB_STATUS_LABELS[status]}
		</span>
	);
}
