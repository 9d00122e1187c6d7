/** Small views shared by the path, assignment and dashboard islands. */
import { formatDay, isLabCompleted, type LabProgress } from '../../core/assignments/assignments.ts';
import { LAB_STATUS_LABELS } from '../../core/labs/status.ts';
import type { ModuleProgress } from '../../core/progress/dashboard.ts';
import { MODULE_STATE_LABELS, percentOr } from '../../core/progress/labels.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';

/** A due date with its state in words ("Overdue" never rests on colour alone). */
export function DueDate({
	due,
	overdue,
	done,
}: {
	due: string | undefined;
	overdue: boolean;
	done: boolean;
}) {
	if (!due) return <span className="muted">No due date</span>;
	return (
		<span>
			<time dateTime={due}>{formatDay(due)}</time>{' '}
			{overdue && <strong className="due-badge due-overdue">⚠ Overdue</strong>}
			{done && <span className="due-badge due-done">✓ Done</span>}
		</span>
	);
}

/** A table of modules with their status, best score and pass date. */
export function StudyTable({
	modules,
	base,
	label,
}: {
	modules: ModuleProgress[];
	base: string;
	label: string;
}) {
	return (
		<ScrollRegion label={label}>
			<table>
				<thead>
					<tr>
						<th scope="col">Module</th>
						<th scope="col">Status</th>
						<th scope="col">Best score</th>
						<th scope="col">Passed</th>
					</tr>
				</thead>
				<tbody>
					{modules.map((m) => (
						<tr key={m.id}>
							<th scope="row">
								<a href={`${base}modules/${m.id}/`}>{m.title}</a>
							</th>
							<td className={m.state === 'completed' ? 'cell-completed' : undefined}>
								{MODULE_STATE_LABELS[m.state]}
							</td>
							<td>{percentOr(m.bestScore)}</td>
							<td>{m.passedAt ? formatDay(m.passedAt.slice(0, 10)) : '–'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	);
}

/** A table of labs with the learner's status on each (level and time as on the lab's page). */
export function LabTable({
	labs,
	label,
	levels,
}: {
	labs: LabProgress[];
	label: string;
	levels: Record<string, string>;
}) {
	return (
		<ScrollRegion label={label}>
			<table className="lab-table">
				<thead>
					<tr>
						<th scope="col">Lab</th>
						<th scope="col">Level</th>
						<th scope="col">Time</th>
						<th scope="col">Status</th>
					</tr>
				</thead>
				<tbody>
					{labs.map(({ lab, status }) => (
						<tr key={lab.id} data-lab={lab.id}>
							<th scope="row">
								<a href={lab.url}>{lab.title}</a>
							</th>
							<td>{levels[lab.level] ?? lab.level}</td>
							<td>{lab.minutes} min</td>
							<td className={isLabCompleted(status) ? 'cell-completed' : undefined}>
								{LAB_STATUS_LABELS[status]}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	);
}

/** "3 of 12 modules completed" with a progress bar. */
export function CompletedBar({
	completed,
	total,
	label,
}: {
	completed: number;
	total: number;
	label: string;
}) {
	return (
		<div className="study-summary">
			<p>
				<strong>
					{completed} of {total}
				</strong>{' '}
				modules completed
			</p>
			<progress max={total || 1} value={completed} aria-label={label} />
		</div>
	);
}
