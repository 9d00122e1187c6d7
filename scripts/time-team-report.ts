/**
 * Times the team report's core on generated reports (default 500): checking (parse, digest,
 * re-scoring), merging and tabulating. `node scripts/time-team-report.ts [count]`.
 * The browser test "the team report reads 500 reports" measures the same in Chromium, rendering
 * included; neither asserts a time.
 */
import { localDay } from '../src/core/assignments/assignments.ts';
import { buildTeamView, checkReportFiles, mergeLearners, teamCsv } from '../src/core/teams/team-report.ts';
import { generateReports, realContent } from '../tests/fixtures/real-reports.ts';

const count = Number(process.argv[2] ?? 500);
const files = await generateReports(count);
const { catalog, quizzes } = realContent();
const sources = files.map((f) => ({
	name: f.name,
	size: Buffer.byteLength(f.text),
	text: async () => f.text,
}));
const bytes = sources.reduce((n, s) => n + s.size, 0);

const t0 = performance.now();
const results = await checkReportFiles(sources, {
	loadQuizzes: async (ids) => quizzes.filter((q) => ids.includes(q.id)),
});
const t1 = performance.now();
const learners = mergeLearners(results);
const view = buildTeamView(learners, catalog, localDay());
const t2 = performance.now();
const csv = teamCsv(view, view.rows);
const t3 = performance.now();

const ms = (n: number) => `${Math.round(n)} ms`;
console.log(
	`${count} reports, ${(bytes / 1024 / 1024).toFixed(1)} MB in all (Node ${process.versions.node})`,
);
const line = (label: string, t: number) => console.log(`  ${label}:`.padEnd(36), ms(t));
line('check (parse, digest, re-score)', t1 - t0);
line('merge and tabulate', t2 - t1);
line(`CSV (${csv.length.toLocaleString('en')} characters)`, t3 - t2);
console.log(
	`  accepted: ${results.filter((r) => r.status === 'accepted').length}, learners: ${learners.length}`,
);
