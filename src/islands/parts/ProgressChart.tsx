/**
 * Progress per principle as a bar chart in SVG: one bar per principle showing the best
 * assessment score, with a tick where the module is completed. The same numbers are in a table
 * (shown on request) so the chart is never the only way to read them.
 */
import { percent, percentOr } from '../../core/progress/labels.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Row {
	number: number;
	title: string;
	completed: number;
	total: number;
	bestScore: number | undefined;
}

export function ProgressChart({ rows }: { rows: Row[] }) {
	const rowH = 30;
	const labelW = 44;
	const barW = 250;
	const height = rows.length * rowH + 24;
	const done = rows.filter((r) => r.total > 0 && r.completed === r.total).length;
	const summary = `${done} of ${rows.length} principles completed. ${rows
		.map(
			(r) =>
				`Principle ${r.number}: ${r.bestScore === undefined ? 'no score yet' : `best ${percent(r.bestScore)}`}${r.total > 0 && r.completed === r.total ? ', completed' : ''}`,
		)
		.join('; ')}.`;
	// The table sits after the figure, not in it: a <figure> may hold only one <figcaption>, first
	// or last, so a <details> after the caption is invalid HTML.
	return (
		<>
			<figure className="chart">
				<svg
					viewBox={`0 0 ${labelW + barW + 70} ${height}`}
					role="img"
					aria-labelledby="chart-title chart-desc"
				>
					<title id="chart-title">Best assessment score per principle</title>
					<desc id="chart-desc">{summary}</desc>
					{[0, 0.5, 0.8, 1].map((t) => (
						<g key={t}>
							<line
								x1={labelW + t * barW}
								x2={labelW + t * barW}
								y1={0}
								y2={rows.length * rowH}
								className={t === 0.8 ? 'chart-passmark' : 'chart-grid'}
							/>
							<text x={labelW + t * barW} y={height - 6} textAnchor="middle" className="chart-axis">
								{percent(t)}
							</text>
						</g>
					))}
					{rows.map((r, i) => {
						const y = i * rowH + 6;
						const complete = r.total > 0 && r.completed === r.total;
						return (
							<g key={r.number}>
								<text x={labelW - 8} y={y + 14} textAnchor="end" className="chart-label">
									P{r.number}
								</text>
								<rect x={labelW} y={y} width={barW} height={18} rx={4} className="chart-track" />
								{r.bestScore !== undefined && (
									<rect
										x={labelW}
										y={y}
										width={Math.max(4, r.bestScore * barW)}
										height={18}
										rx={4}
										className={complete ? 'chart-bar chart-bar-done' : 'chart-bar'}
									/>
								)}
								<text x={labelW + barW + 8} y={y + 14} className="chart-value">
									{complete ? '✓ ' : ''}
									{percentOr(r.bestScore)}
								</text>
							</g>
						);
					})}
				</svg>
				<figcaption>
					Best assessment score per principle; the darker line marks the usual 80% pass mark, and ✓ marks a
					completed principle.
				</figcaption>
			</figure>
			<details>
				<summary>Show these numbers as a table</summary>
				<ScrollRegion label="Progress per principle">
					<table>
						<thead>
							<tr>
								<th scope="col">Principle</th>
								<th scope="col">Modules completed</th>
								<th scope="col">Best score</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.number}>
									<th scope="row">
										{r.number}. {r.title}
									</th>
									<td>
										{r.completed} of {r.total}
									</td>
									<td>{percentOr(r.bestScore)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			</details>
		</>
	);
}
