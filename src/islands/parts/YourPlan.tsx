/**
 * The dashboard's "Your learning path" and "Your assignments" sections: the chosen path with its
 * progress and next module, and every added assignment with its due date and progress, overdue
 * ones first and marked in words.
 */
import {
	type AssignmentCatalog,
	assignmentStatus,
	localDay,
	studyProgress,
} from '../../core/assignments/assignments.ts';
import type { ProgressData } from '../../core/progress/progress.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { CompletedBar, DueDate } from './StudyBits.tsx';

interface Props {
	data: ProgressData;
	catalog: AssignmentCatalog;
	/** Site base path, ending in "/". */
	base: string;
}

export function YourPlan({ data, catalog, base }: Props) {
	const today = localDay();
	const path = data.path ? catalog.paths.find((p) => p.id === data.path?.id) : undefined;
	const byId = new Map(catalog.modules.map((m) => [m.id, m]));
	const pathProgress = path
		? studyProgress(
				data,
				path.modules.flatMap((id) => {
					const m = byId.get(id);
					return m ? [m] : [];
				}),
			)
		: undefined;
	const assignments = Object.entries(data.assignments ?? {})
		.map(([key, stored]) => ({
			key,
			stored,
			status: assignmentStatus(data, stored.assignment, catalog, today),
		}))
		.sort(
			(a, b) =>
				Number(b.status.overdue) - Number(a.status.overdue) ||
				Number(a.status.done) - Number(b.status.done) ||
				(a.status.due ?? '9999').localeCompare(b.status.due ?? '9999') ||
				a.stored.assignment.title.localeCompare(b.stored.assignment.title),
		);
	const overdue = assignments.filter((a) => a.status.overdue).length;

	return (
		<>
			<section aria-labelledby="your-path">
				<h2 id="your-path">Your learning path</h2>
				{path && pathProgress ? (
					<>
						<p>
							<a href={`${base}paths/${path.id}/`}>{path.title}</a>
						</p>
						<CompletedBar
							completed={pathProgress.completed}
							total={pathProgress.total}
							label={`Progress on the ${path.title} path`}
						/>
						{pathProgress.next ? (
							<p>
								<span className="muted">Next on your path: </span>
								<a href={`${base}modules/${pathProgress.next.id}/`}>{pathProgress.next.title}</a>
							</p>
						) : (
							<p className="pass-badge">✓ You have completed every module on this path.</p>
						)}
					</>
				) : (
					<p>
						{data.path ? 'The path you chose is no longer published on this site. ' : ''}
						<a href={`${base}paths/`}>Choose a learning path</a> for your role: developer, system operator,
						data custodian, or manager.
					</p>
				)}
			</section>

			<section aria-labelledby="assignments">
				<h2 id="assignments">Your assignments</h2>
				{assignments.length === 0 ? (
					<p>
						No assignments yet. When your manager sends an assignment link, open it and choose “Add to my
						assignments”; it then appears here with its due date.
					</p>
				) : (
					<>
						{overdue > 0 && (
							<p className="message message-bad">
								<strong>
									⚠ {overdue} assignment{overdue === 1 ? ' is' : 's are'} overdue.
								</strong>
							</p>
						)}
						<ScrollRegion label="Table of your assignments">
							<table className="assignment-list">
								<thead>
									<tr>
										<th scope="col">Assignment</th>
										<th scope="col">Due</th>
										<th scope="col">Progress</th>
									</tr>
								</thead>
								<tbody>
									{assignments.map(({ key, stored, status }) => (
										<tr key={key}>
											<th scope="row" dir="auto">
												<a
													href={
														stored.source === 'site'
															? `${base}assignments/${key.replace(/^site-/, '')}/`
															: `${base}assignments/open/#k=${key}`
													}
												>
													{stored.assignment.title}
												</a>
											</th>
											<td>
												<DueDate due={status.due} overdue={status.overdue} done={status.done} />
											</td>
											<td>
												{status.completed} of {status.total} modules completed
												<progress
													max={status.total || 1}
													value={status.completed}
													aria-label={`Progress on ${stored.assignment.title}`}
												/>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</ScrollRegion>
						<p className="muted">Open an assignment to download the report for your manager.</p>
					</>
				)}
			</section>
		</>
	);
}
