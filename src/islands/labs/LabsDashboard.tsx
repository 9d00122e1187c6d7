/**
 * The dashboard's lab list: each lab's status from the progress store (not started, in progress,
 * completed, completed with the solution shown, completed on an earlier revision) and when it
 * was last passed.
 */
import { LAB_STATUS_LABELS, labRecord, labStatus } from '../../core/labs/status.ts';
import { useProgressLater } from '../adapters/progress-later.ts';

export interface LabSummary {
	id: string;
	title: string;
	revision: number;
}

export default function LabsDashboard({ labs, base }: { labs: LabSummary[]; base: string }) {
	// The store loads after the list has shown (issue #22); until then it reads as on the server.
	const { state } = useProgressLater();
	const hydrated = state !== undefined;
	const rows = labs.map((lab) => {
		const rec = labRecord(state?.data.labs, lab.id);
		return { lab, status: labStatus(rec, lab.revision), lastPass: rec.passes.at(-1)?.at };
	});
	const done = rows.filter((r) => r.status === 'passed' || r.status === 'passed-with-solution').length;
	return (
		<section
			className="labs-dashboard"
			aria-labelledby="labs-dashboard"
			data-hydrated={hydrated ? 'true' : undefined}
		>
			<h2 id="labs-dashboard">Labs</h2>
			<p>
				Completed: {hydrated ? done : '…'} of {labs.length}.
			</p>
			<table>
				<thead>
					<tr>
						<th scope="col">Lab</th>
						<th scope="col">Status</th>
						<th scope="col">Last passed</th>
					</tr>
				</thead>
				<tbody>
					{rows.map(({ lab, status, lastPass }) => (
						<tr key={lab.id} data-lab={lab.id}>
							<td>
								<a href={`${base}labs/${lab.id}/`}>{lab.title}</a>
							</td>
							<td>{hydrated ? LAB_STATUS_LABELS[status] : '…'}</td>
							<td>{hydrated && lastPass ? <time dateTime={lastPass}>{lastPass.slice(0, 10)}</time> : '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	);
}
