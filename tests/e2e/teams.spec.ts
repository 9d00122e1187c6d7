/**
 * Learning paths, assignments and the team report, end to end: a manager builds an assignment by
 * keyboard, a learner opens its link in another browser, passes part of it and downloads a report;
 * the manager loads that report with a tampered, a malformed and a hostile one, and checks the
 * table, the flags and the CSV. Also: bad links change nothing, and 500 reports load.
 */
import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { localDay } from '../../src/core/assignments/assignments.ts';
import { packForLink } from '../../src/core/envelope/link-codec.ts';
import { digestOf } from '../../src/core/quiz/evidence.ts';
import { generateReports } from '../fixtures/real-reports.ts';
import { expectNoAxeViolations, watchPage } from './helpers.ts';
import { answerCorrectly, loadQuiz, tabTo } from './quiz-helpers.ts';

const p01 = loadQuiz('p01-awareness');
const yesterday = localDay(new Date(Date.now() - 86_400_000));
const hydrated = (page: Page) => expect(page.locator('[data-hydrated=true]').first()).toBeVisible();

async function newLearner(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), serviceWorkers: 'block' });
	return context.newPage();
}

async function passAssessment(page: Page) {
	await page.goto('modules/p01-awareness/');
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await page.getByLabel(/Assessment: answer everything/).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const ids = await page
		.locator('.quiz-question')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
	for (const id of ids) await answerCorrectly(page, p01, id);
	await page.locator('.quiz-submit button.button:not(.button-secondary)').click();
	await expect(page.locator('.quiz-result .score')).toContainText('100% · Passed');
}

async function download(page: Page, name: string | RegExp) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click(),
	]);
	return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('learning paths: choose one, and the dashboard follows it', async ({ page }) => {
	await page.goto('paths/');
	await expect(page.getByRole('link', { name: 'Manager or risk owner' })).toBeVisible();
	await page.getByRole('link', { name: 'Developer', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning path: Developer');
	await expect(page.locator('.path-steps > li')).toHaveCount(17);
	await expect(page.locator('.path-steps > li').first().locator('.provision-chip').first()).toContainText(
		'1.2.2',
	);
	await hydrated(page);
	await tabTo(page, 'button.button');
	await expect(page.locator(':focus')).toHaveText('Make this my path');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: '“Developer” is now your path' })).toBeVisible();
	await expectNoAxeViolations(page, 'path page after choosing');
	await page.goto('dashboard/');
	const section = page.locator('section[aria-labelledby=your-path]');
	await expect(section.getByRole('link', { name: 'Developer' })).toBeVisible();
	await expect(section).toContainText('0 of 17 modules completed');
	await expect(section).toContainText('Next on your path: Principle 1');
});

test('assign, learn, report, and read the team report', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	const manager = watchPage(page, new URL(baseURL ?? '').origin);

	// The manager builds the assignment with the keyboard only.
	await page.goto('assignments/new/');
	await hydrated(page);
	// Submitting an empty form lists what to fix, focused, with links to the fields.
	await tabTo(page, '.builder-form button[type=submit]');
	await page.keyboard.press('Enter');
	const fixes = page.getByRole('alert');
	await expect(fixes).toBeFocused();
	await expect(fixes).toContainText('The assignment needs 2 fixes');
	await expect(fixes.getByRole('listitem')).toHaveText([
		'Name: title must not be empty',
		'What to study: assign at least one path, principle or module',
	]);
	await expect(page.locator('input[id$="-title"]')).toHaveAttribute('aria-invalid', 'true');
	await tabTo(page, 'input[id$="-title"]');
	await page.keyboard.type('Platform team: AI security');
	await tabTo(page, 'input[type=date]');
	const [y, m, d] = yesterday.split('-');
	await page.keyboard.type(`${m}${d}${y}`);
	await expect(page.locator('input[type=date]')).toHaveValue(yesterday);
	await tabTo(page, 'input[name=principle][value="2"]');
	await page.keyboard.press('Space');
	await tabTo(page, 'input[name=module][value="p01-awareness"]');
	await page.keyboard.press('Space');
	await expect(page.getByText('2 modules chosen')).toBeVisible();
	await tabTo(page, '.builder-form button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Your assignment link' })).toBeFocused();
	const link = await page.getByLabel('Send this link to your team').inputValue();
	expect(link).toMatch(/\/assignments\/open\/#a=[A-Za-z0-9_-]+$/);
	expect(link).not.toMatch(/Zo|ë/); // nothing about any learner, nothing but what was typed
	const sheet = page.locator('.assignment-sheet');
	await expect(sheet.getByRole('heading', { name: 'Platform team: AI security' })).toBeVisible();
	await expect(sheet.locator('ol > li')).toHaveText([/^Principle 2:/, /^Principle 1:/]);
	await expect(sheet.getByRole('img', { name: /QR code for the assignment link/ })).toBeVisible();
	await expectNoAxeViolations(page, 'assignment builder with its result');

	// The learner opens the link in their own browser and adds it.
	const learner = await newLearner(browser, baseURL);
	const learnerWatch = watchPage(learner, new URL(baseURL ?? '').origin);
	await learner.goto(link);
	await hydrated(learner);
	await expect(learner.getByRole('heading', { level: 2, name: 'Platform team: AI security' })).toBeVisible();
	await expect(learner.locator('.due-overdue')).toHaveText('⚠ Overdue');
	await expect(learner.getByText('0 of 2')).toBeVisible();
	await tabTo(learner, 'button.button');
	await expect(learner.locator(':focus')).toHaveText('Add to my assignments');
	await learner.keyboard.press('Enter');
	await expect(learner.getByText('Added to your assignments.')).toBeVisible();
	await expectNoAxeViolations(learner, 'assignment opened by a learner');

	// Passes one of the two modules.
	await passAssessment(learner);
	await learner.goto('dashboard/');
	const row = learner.locator('.assignment-list tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('⚠ Overdue');
	await expect(row).toContainText('1 of 2 modules completed');
	await expect(learner.locator('.message-bad')).toContainText('1 assignment is overdue');

	// Back to the assignment, name, report.
	await row.getByRole('link', { name: 'Platform team: AI security' }).click();
	await hydrated(learner);
	await expect(learner.getByText('1 of 2')).toBeVisible();
	await learner.getByLabel('Your name, as it should appear').fill('Zoë Example');
	await learner.getByRole('button', { name: 'Save name' }).click();
	const report = await download(learner, 'Download report');
	expect(report.name).toBe(
		`secure-ai-academy-report-platform-team-ai-security-${new Date().toISOString().slice(0, 10)}.json`,
	);
	const json = JSON.parse(report.text);
	expect(json.format).toBe('secure-ai-academy/report');
	expect(json.evidence.format).toBe('secure-ai-academy/evidence');
	expect(json.evidence.learner.name).toBe('Zoë Example');
	expect(json.assignment.modules).toEqual(['p02-secure-design', 'p01-awareness']);
	expect(json.evidence.attempts).toHaveLength(1);
	expect(json.summary).toContain('Completed 1 of 2 assigned modules.');
	expect(learnerWatch.foreign).toEqual([]);
	expect(learnerWatch.errors).toEqual([]);

	// Files for the manager: the real report, a tampered copy, a malformed one, a hostile name.
	const tampered = structuredClone(json);
	tampered.evidence.learner.name = 'Mallory';
	const hostile = structuredClone(json);
	hostile.evidence.learner.name = '=HYPERLINK("https://evil.example","Click")';
	const { digest: _d, ...body } = hostile;
	hostile.digest = await digestOf(body);
	await page.goto('team/');
	await hydrated(page);
	await expect(page.getByText('Everything stays in this browser.')).toBeVisible();
	// The file picker opens from the keyboard.
	await tabTo(page, 'input[type=file]');
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
	expect(chooser.isMultiple()).toBe(true);
	await chooser.setFiles([
		{ name: report.name, mimeType: 'application/json', buffer: Buffer.from(report.text) },
		{ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) },
		{ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('Dear manager, all done!') },
		{ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) },
	]);
	await expect(page.getByRole('status').filter({ hasText: /^Checked 4 files/ })).toHaveText(
		'Checked 4 files: 2 accepted, 0 flagged, 1 tampered, 1 rejected, 0 duplicate.',
	);
	const needs = page
		.locator('section', { has: page.getByRole('heading', { name: 'Files' }) })
		.locator('h3 + .file-results > li');
	await expect(needs).toHaveCount(3);
	await expect(needs.filter({ hasText: 'tampered.json' })).toContainText('Tampered: not counted');
	await expect(needs.filter({ hasText: 'tampered.json' })).toContainText(
		'its digest does not match its content',
	);
	await expect(needs.filter({ hasText: 'notes.json' })).toContainText(
		'Rejected. This is plain text, not a learner’s report file',
	);
	await expect(needs.filter({ hasText: 'hostile.json' })).toContainText(
		'which a spreadsheet would run as a formula',
	);

	const table = page.locator('table.team-table');
	await expect(table.locator('thead th')).toHaveText([
		'Learner ▲',
		'Completed',
		'Overdue',
		/^Principle 1:/,
		/^Principle 2:/,
	]);
	const zoe = table.locator('tbody tr', { hasText: 'Zoë Example' });
	await expect(zoe.locator('td')).toHaveText([
		'1 of 2',
		'⚠ 1',
		/^Completed late100% · /, // due yesterday, passed today
		/^⚠ Overdue \(not started\)due /,
	]);
	await expect(table.locator('tbody tr', { hasText: 'Mallory' })).toHaveCount(0);
	await expect(table.locator('tbody th').nth(0)).toContainText('=HYPERLINK("https://evil.example","Click")');
	const coverage = page.locator('table.coverage-matrix tbody tr', { hasText: 'Zoë Example' });
	await expect(coverage.locator('td').first()).toHaveText('5 of 72');
	await expect(coverage.locator('td.covered')).toHaveCount(5);

	// Filter and sort.
	await page.getByLabel('Find a learner').fill('zoë');
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await page.getByLabel('Find a learner').fill('');
	await table.getByRole('button', { name: 'Learner', exact: true }).click();
	await expect(table.locator('thead th').first()).toHaveAttribute('aria-sort', 'descending');
	await expect(table.locator('tbody th').first()).toContainText('Zoë Example');

	const csv = await download(page, 'Download CSV');
	const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe(
		'Learner,Assignments,Module id,Module,Status,Best score (%),Passed on,Due,Overdue,Report files,File status,Reason',
	);
	expect(lines).toContain(
		`Zoë Example,Platform team: AI security,p01-awareness,Principle 1: Raise awareness of AI security threats and risks,Completed late,100,${new Date().toISOString().slice(0, 10)},${yesterday},no,${report.name},verified,`,
	);
	expect(lines).toContain(
		`Zoë Example,Platform team: AI security,p02-secure-design,Principle 2: Design your AI system for security as well as functionality and performance,Overdue (not started),,,${yesterday},yes,${report.name},verified,`,
	);
	expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""https://evil.example"",""Click"")"`))).toBe(true);
	expect(lines.some((l) => /^=|^"=/.test(l))).toBe(false);
	expect(csv.text).not.toContain('Mallory');
	// The files not counted are in the CSV too, with their status and reason.
	expect(
		lines.some((l) => /^,,,,Not counted,,,,,tampered\.json,tampered,.*digest does not match/.test(l)),
	).toBe(true);
	expect(
		lines.some((l) => /,notes\.json,rejected,.*This is plain text, not a learner’s report file/.test(l)),
	).toBe(true);

	await expectNoAxeViolations(page, 'team report with results (light)');
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(page, 'team report with results (dark)');
	expect(manager.foreign).toEqual([]);
	expect(manager.errors).toEqual([]);
});

test('a bad assignment link explains itself and changes nothing', async ({ page }) => {
	const good = await packForLink(
		JSON.stringify({ v: 1, a: { title: 'T', items: [{ module: 'p01-awareness' }] }, s: '0123456789abcdef' }),
	);
	const cases: [string, RegExp][] = [
		['', /has no assignment in it/],
		['#a=', /has no assignment in it/],
		['#a=abc$def', /characters an assignment link never has/],
		[`#a=${good.slice(0, 12)}`, /incomplete or damaged/],
		[`#a=${'A'.repeat(7000)}`, /more than any assignment made by this site/],
		[`#a=${good}`, /changed after it was made/],
		[
			`#a=${await packForLink(JSON.stringify({ v: 3, a: {}, s: '' }))}`,
			/newer version of the site \(link format 3/,
		],
		['#k=link-0000000000000000', /not among the assignments saved in this browser/],
	];
	for (const [hash, words] of cases) {
		await page.goto(`assignments/open/${hash}`);
		await hydrated(page);
		await expect(page.getByRole('alert')).toContainText(words);
		expect(await page.evaluate(() => localStorage.getItem('saa:progress'))).toBeNull();
	}
	await expectNoAxeViolations(page, 'assignment link error');
});

test('a published assignment file has its own page, and the dashboard links back to it', async ({ page }) => {
	await page.goto('assignments/');
	await page.getByRole('link', { name: 'New starters: AI security basics' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New starters: AI security basics');
	await hydrated(page);
	await expect(page.getByText('Published on this site')).toBeVisible();
	await expect(page.locator('.study-summary')).toContainText('0 of 3');
	await page.getByRole('button', { name: 'Add to my assignments' }).click();
	await page.goto('dashboard/');
	await page.getByRole('link', { name: 'New starters: AI security basics' }).click();
	await expect(page).toHaveURL(/assignments\/new-starters\/$/);
	await hydrated(page);
	await expect(page.getByText(/In your assignments since/)).toBeVisible();
});

test('the team report reads 500 reports', async ({ page }) => {
	test.setTimeout(180_000);
	const files = await generateReports(500);
	await page.goto('team/');
	await hydrated(page);
	// In-page clock: from the moment the browser hands the files to the page to the table.
	await page.locator('input[type=file]').evaluate((input) => {
		input.addEventListener('change', () => {
			(window as unknown as { __t: number }).__t = performance.now();
		});
	});
	const since = () =>
		page.evaluate(() => Math.round(performance.now() - (window as unknown as { __t: number }).__t));
	const started = Date.now();
	await page
		.locator('input[type=file]')
		.setInputFiles(
			files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
		);
	await expect(page.getByRole('status').filter({ hasText: /^Checked 500 files/ })).toHaveText(
		'Checked 500 files: 500 accepted, 0 flagged, 0 tampered, 0 rejected, 0 duplicate.',
		{ timeout: 120_000 },
	);
	const table = page.locator('table.team-table tbody tr');
	await expect(table).toHaveCount(100);
	const firstView = await since();
	const took = Date.now() - started;
	await expect(page.getByText('Showing the first 100 of 500 learners (500 in all).')).toBeVisible();
	await page.evaluate(() => {
		(window as unknown as { __t: number }).__t = performance.now();
	});
	await page.getByRole('button', { name: 'Show all 500' }).click();
	await expect(table).toHaveCount(500);
	await expect(page.locator('table.coverage-matrix tbody tr')).toHaveCount(500);
	const allRows = await since();
	const checking = (await page.getByTestId('file-counts').textContent())?.match(/Checked in [\d.]+ s/)?.[0];
	const note = `500 reports: ${firstView} ms in the page from files chosen to the first 100 rows (${checking}; ${took} ms with Playwright's file transfer); ${allRows} ms more to show all 500 rows of both tables`;
	console.log(note);
	test.info().annotations.push({ type: 'timing', description: note });
	// The developer path has 17 quizzes; learner i+1 passed the first i % 18 of them and failed the
	// next (tests/fixtures/real-reports.ts): 014 passed 13, 015 passed 14, 001 none, 500 passed 13.
	const row = (name: string) => page.locator('table.team-table tbody tr', { hasText: name });
	await expect(row('Learner 014').locator('td').first()).toHaveText('13 of 17');
	await expect(row('Learner 015').locator('td').first()).toHaveText('14 of 17');
	await expect(row('Learner 001').locator('td').first()).toHaveText('0 of 17');
	await expect(row('Learner 500').locator('td').first()).toHaveText('13 of 17');
});

test('when the quiz bank cannot be fetched, the team report says so and counts nothing', async ({ page }) => {
	const [file] = await generateReports(1);
	const upload = {
		name: file?.name ?? 'r.json',
		mimeType: 'application/json',
		buffer: Buffer.from(file?.text ?? ''),
	};
	await page.route('**/bank/*.json', (route) => route.abort());
	await page.goto('team/');
	await hydrated(page);
	await page.locator('input[type=file]').setInputFiles([upload]);
	await expect(page.getByRole('status').filter({ hasText: /could not be checked/ })).toContainText(
		'The files could not be checked: the quiz bank could not be read',
	);
	await expect(page.locator('table.team-table')).toHaveCount(0);
	// A quiz the bank does not publish (404) is a note on the file, not a failure.
	await page.unroute('**/bank/*.json');
	await page.route('**/bank/*.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
	await page.locator('input[type=file]').setInputFiles([upload]);
	await expect(page.getByRole('status').filter({ hasText: /^Checked 1 file/ })).toBeVisible();
	await expect(page.locator('.file-results').first()).toContainText("is not in this site's quiz bank");
	await expect(page.locator('table.team-table tbody td').first()).toHaveText('0 of 17');
});
