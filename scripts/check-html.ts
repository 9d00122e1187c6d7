/**
 * `npm run check:html [-- <folder>] [--report <file.json>]`: runs the W3C Nu HTML Checker (the npm
 * package vnu-jar, a Java program) once, in one JVM, over every .html page of a built site (dist/
 * by default), and reports each page as a test: passed with no error, failed otherwise, with
 * line, column and message for each error. Messages that are gaps in the checker (listed, with
 * reasons, in scripts/lib/html-check.ts) are not counted. `--report` writes
 * `{ "passed": n, "failed": n }` for `npm test`'s summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { CHECKER_GAPS, resultsPerPage, VnuOutput } from './lib/html-check.ts';

const args = process.argv.slice(2);
const reportAt = args.indexOf('--report');
const report = reportAt >= 0 ? args[reportAt + 1] : undefined;
const folder = resolve(
	args.find((a, i) => !a.startsWith('--') && (reportAt < 0 || i !== reportAt + 1)) ?? 'dist',
);

function finish(passed: number, failed: number): never {
	if (report) {
		mkdirSync(dirname(report), { recursive: true });
		writeFileSync(report, `${JSON.stringify({ passed, failed })}\n`);
	}
	process.exit(failed === 0 ? 0 : 1);
}

function fail(message: string): never {
	console.error(`HTML check: ${message}`);
	finish(0, 1);
}

if (!existsSync(folder)) fail(`${folder} does not exist. Build the site first: npm run build`);

const java = process.env.JAVA ?? 'java';
if (spawnSync(java, ['-version'], { stdio: 'ignore' }).status !== 0) {
	fail(
		[
			`it needs Java (the Nu HTML Checker is a Java program), and none was found${process.env.JAVA ? ` at ${java}` : ''}.`,
			'  Debian/Ubuntu:  sudo apt-get install -y default-jre-headless',
			'  Elsewhere:      install Java 11 or later, or set JAVA=/path/to/java',
		].join('\n'),
	);
}

let jar: string;
try {
	jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
} catch {
	fail('node_modules/vnu-jar/build/dist/vnu.jar is missing. Install the dependencies: npm ci');
}

const pages = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[])
	.filter((p) => p.endsWith('.html'))
	.sort();
if (pages.length === 0) fail(`no .html pages in ${folder}. Build the site first: npm run build`);

const started = performance.now();
// One JVM for every page. --errors-only leaves out warnings; --stdout puts the JSON on stdout.
const run = spawnSync(
	java,
	['-jar', jar, '--format', 'json', '--errors-only', '--stdout', ...pages.map((p) => join(folder, p))],
	{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
let parsed: ReturnType<typeof VnuOutput.safeParse> | undefined;
try {
	parsed = VnuOutput.safeParse(JSON.parse(run.stdout));
} catch {}
if (!parsed?.success) {
	fail(
		`the checker's output is not the JSON expected (exit code ${run.status}).\n${run.stderr || run.stdout || run.error?.message || ''}`.trim(),
	);
}

const { results, orphans, ignored } = resultsPerPage(folder, pages, parsed.data.messages);
const failedPages = results.filter((r) => r.errors.length > 0);
for (const r of failedPages) {
	console.log(`FAIL  ${join(folder, r.page)}`);
	for (const e of r.errors) console.log(`      ${e}`);
}
for (const o of orphans) console.log(`FAIL  ${o}`);
console.log(
	`HTML check (Nu HTML Checker, ${seconds} s): ${pages.length} pages, ${pages.length - failedPages.length} without errors, ${failedPages.length} with errors` +
		(ignored > 0
			? `; ${ignored} messages not counted as known gaps in the checker (${CHECKER_GAPS.length} listed in scripts/lib/html-check.ts)`
			: ''),
);
// A page-less error (e.g. an unreadable file) counts as one more failure.
finish(pages.length - failedPages.length, failedPages.length + (orphans.length > 0 ? 1 : 0));
