/**
 * `npm run items:stats -- <folder of report files>`: each question's difficulty and
 * discrimination from learners' report files (no telemetry: only files learners chose to send),
 * flagging items everyone gets right, everyone gets wrong, or that stronger learners miss more
 * often. Files are checked as the team report checks them: not a report, or a digest that does
 * not match, and the file is left out with a reason; only attempts that re-score as recorded
 * count. `--json` prints the raw numbers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bankOf, rescoreAttempt } from '../src/core/quiz/evidence.ts';
import { formatItemStats, itemStats, type LearnerAttempts } from '../src/core/quiz/item-stats.ts';
import { openReport } from '../src/core/teams/report.ts';
import { learnerKey } from '../src/core/teams/team-report.ts';
import { loadContent } from '../src/lib/content-files.ts';

const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!folder) {
	console.error('Usage: npm run items:stats -- <folder of report files (*.json)> [--json]');
	process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const bank = bankOf(loadContent(root).catalog.quizzes.map((q) => q.data));
const files = readdirSync(folder)
	.filter((f) => f.endsWith('.json'))
	.map((f) => join(folder, f))
	.filter((f) => statSync(f).isFile());
const byLearner = new Map<string, LearnerAttempts>();
let skipped = 0;
for (const file of files) {
	const opened = await openReport(readFileSync(file, 'utf8'));
	if (!opened.ok || !opened.digestMatches) {
		skipped++;
		console.error(
			`skipped ${file}: ${opened.ok ? 'its digest does not match (edited after it was made)' : opened.message}`,
		);
		continue;
	}
	const evidence = opened.report.evidence;
	const counted = evidence.attempts.filter((a) => rescoreAttempt(a, bank).status === 'consistent');
	const key = learnerKey(evidence.learner.name);
	const before = byLearner.get(key);
	const seen = new Set(before?.attempts.map((a) => a.id));
	byLearner.set(key, {
		learner: evidence.learner.name,
		attempts: [...(before?.attempts ?? []), ...counted.filter((a) => !seen.has(a.id))],
	});
}
const stats = itemStats([...byLearner.values()], bank);
if (process.argv.includes('--json')) {
	console.log(JSON.stringify(stats, null, 2));
} else {
	console.log(
		`${files.length - skipped} report file(s), ${byLearner.size} learner(s); ${skipped} skipped.\n`,
	);
	console.log(formatItemStats(stats));
	const flagged = stats.filter((s) => s.flags.length > 0);
	console.log(`\n${flagged.length} of ${stats.length} question(s) flagged.`);
}
