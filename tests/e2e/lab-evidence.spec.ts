/**
 * Lab passes as checked evidence, in the browser: a lab passed on its page travels in the learner's
 * assignment report; the team report runs the recorded code again in the sandboxed worker and shows
 * it as passed, and an edited copy (code changed, every digest fixed up) as "Re-run failed"; a
 * practitioner credential, from progress seeded through the dashboard's import, verifies on the
 * verify page with each lab re-run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { packAssignment } from '../../src/core/assignments/link.ts';
import { encodeExport } from '../../src/core/progress/codec.ts';
import { digestOf } from '../../src/core/quiz/evidence.ts';
import { expectNoAxeViolations, openLabFix, watchPage } from './helpers.ts';

const labFile = (id: string, name: string) =>
	readFileSync(new URL(`../../content/labs/${id}/${name}`, import.meta.url), 'utf8');
const MD = 'markdown-image-exfiltration';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hydrated = (page: Page) => expect(page.locator('[data-hydrated=true]').first()).toBeVisible();

async function download(page: Page, name: string | RegExp) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click(),
	]);
	return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('a lab pass travels in a report; the team report re-runs it, and catches edited code', async ({
	page,
	baseURL,
}) => {
	test.setTimeout(180_000);
	// Pass the lab with the reference, typed through the keyboard as the lab spec does.
	await openLabFix(page, `labs/${MD}/`);
	await page.locator('.lab-editor .cm-content').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(labFile(MD, 'reference.js'));
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('passed.', { timeout: 60_000 });

	// Watched from here: the lab page has its own CSP checks in labs.spec.ts.
	const watch = watchPage(page, new URL(baseURL ?? '').origin);

	// An assignment of the lab's module; the report carries the pass.
	const packed = await packAssignment({
		title: 'Output handling',
		items: [{ module: 'sc02-output-handling' }],
	});
	await page.goto(`assignments/open/#a=${packed}`);
	await hydrated(page);
	await page.getByRole('button', { name: 'Add to my assignments' }).click();
	await page.getByLabel('Your name, as it should appear').fill('Zoë Example');
	await page.getByRole('button', { name: 'Save name' }).click();
	const report = await download(page, 'Download report');
	const json = JSON.parse(report.text);
	expect(json.evidence.labs.map((l: { lab: string }) => l.lab)).toContain(MD);
	expect(json.summary).toContain(`- ${MD} (revision 1): passed`);

	// A forger swaps in the vulnerable starter and fixes up both digests.
	const edited = structuredClone(json);
	edited.evidence.learner.name = 'Mallory Example';
	const starter = labFile(MD, 'starter.js');
	for (const l of edited.evidence.labs) {
		if (l.lab !== MD) continue;
		l.code = starter;
		l.digest = sha256(starter);
	}
	const { digest: _d, ...body } = edited;
	edited.digest = await digestOf(body);

	await page.goto('team/');
	await hydrated(page);
	await page.locator('input[type=file]').setInputFiles([
		{ name: report.name, mimeType: 'application/json', buffer: Buffer.from(report.text) },
		{ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) },
	]);
	await expect(page.getByRole('status').filter({ hasText: /^Checked 2 files/ })).toHaveText(
		'Checked 2 files: 1 accepted, 1 flagged, 0 tampered, 0 rejected, 0 duplicate.',
		{ timeout: 60_000 },
	);
	const needs = page
		.locator('section', { has: page.getByRole('heading', { name: 'Files' }) })
		.locator('h3 + .file-results > li');
	await expect(needs.filter({ hasText: 'edited.json' })).toContainText(/lets “.+” through when re-run/);
	const table = page.locator('table.team-table');
	const labHeader = table.locator('thead th', { hasText: 'Lab: ' }).filter({ hasText: /Markdown/ });
	await expect(labHeader).toHaveCount(1);
	const labColumn = await table
		.locator('thead th')
		.evaluateAll((ths) => ths.findIndex((th) => /^Lab: .*Markdown/.test(th.textContent ?? '')));
	const cellOf = (name: string) =>
		table.locator('tbody tr', { hasText: name }).locator('th, td').nth(labColumn);
	await expect(cellOf('Zoë Example')).toContainText('Passed (re-run)');
	await expect(cellOf('Mallory Example')).toContainText('Re-run failed');
	const csv = await download(page, 'Download CSV');
	expect(csv.text).toMatch(new RegExp(`Zoë Example,Output handling,${MD},Lab: [^\\n]*Passed \\(re-run\\)`));
	expect(csv.text).toMatch(new RegExp(`Mallory Example,Output handling,${MD},Lab: [^\\n]*Re-run failed`));
	await expectNoAxeViolations(page, 'team report with lab columns');
	expect(watch.foreign).toEqual([]);
	expect(watch.errors).toEqual([]);
});

test('a practitioner credential verifies, each lab run again on the verify page', async ({
	page,
	baseURL,
}) => {
	test.setTimeout(180_000);
	const watch = watchPage(page, new URL(baseURL ?? '').origin);
	const ids = ['feature-batch-validation', 'training-config-validator']; // the ML complexity track's labs
	const labs = Object.fromEntries(
		ids.map((id, i) => {
			const code = labFile(id, 'reference.js');
			return [
				id,
				{
					failedRuns: 0,
					passes: [
						{
							at: `2026-11-2${i}T10:00:00.000Z`,
							revision: 1,
							code,
							digest: sha256(code),
							seed: 'e2eseed1',
							solutionShown: false,
						},
					],
				},
			];
		}),
	);
	const file = encodeExport(
		{ attempts: [], modules: {}, learnerName: 'Ada Lovelace', labs } as never,
		'2026.11.1',
		'2026-11-22T12:00:00.000Z',
	);
	await page.goto('dashboard/');
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await expect(
		page.getByText(/Certificates earned: 1 of 17 \(Practitioner: ML complexity and technical debt\)/),
	).toBeVisible();

	await page.goto('certificates/');
	await expect(page.locator('.certificates[data-hydrated=true]')).toBeVisible();
	const ml = page.locator('[data-certificate=practitioner-ml-complexity]');
	await expect(ml).toContainText('Practitioner: ML complexity and technical debt');
	await expect(ml).toContainText('Earned');
	const sc = page.locator('[data-certificate=practitioner-secure-coding]');
	await expect(sc.getByTestId('practitioner-progress')).toContainText(
		/Labs passed without the solution shown: 0 of \d+/,
	);
	await expectNoAxeViolations(page, 'certificates list with practitioner certificates');

	await page.goto('certificates/practitioner-ml-complexity/');
	await expect(page.locator('.certificate-achievement')).toHaveText(
		'Practitioner: ML complexity and technical debt',
		{ timeout: 60_000 },
	);
	await expectNoAxeViolations(page, 'practitioner certificate');
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download credential (Open Badges 3.0)' }).click(),
	]);
	// A VC-JWT self-issued by the learner's browser: the credential is its payload.
	const credential = readFileSync(await dl.path(), 'utf8').trim();
	const payload = JSON.parse(Buffer.from(credential.split('.')[1] as string, 'base64url').toString('utf8'));
	expect(payload.credentialSubject.achievement.criteria.narrative).toMatch(
		/without the reference solution shown/,
	);

	await page.goto('verify/');
	await hydrated(page);
	await page.getByLabel('Or paste the credential (JSON or JWT)').fill(credential);
	await page.getByRole('button', { name: 'Check' }).click();
	const result = page.locator('.verify-result');
	await expect(result.getByRole('heading', { level: 2 })).toHaveText(
		'Consistent and complete, self-issued by the learner',
		{
			timeout: 60_000,
		},
	);
	const rows = result.locator('table.verify-labs tbody tr');
	await expect(rows).toHaveCount(2);
	for (const row of await rows.all()) await expect(row).toContainText(/✓ re-run: passed all \d+ cases/);
	await expectNoAxeViolations(page, 'verify page with lab re-runs');
	expect(watch.foreign).toEqual([]);
	expect(watch.errors).toEqual([]);
});
