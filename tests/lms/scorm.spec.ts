/**
 * SCORM 1.2 and 2004 packages inside an LMS whose API is scorm-again: a harness page frames the
 * package's launch page as an LMS does; the learner reads the module, fails and then passes its
 * assessment; the CMI data (status, score raw/min/max/scaled, session time, suspend data) is read
 * back from scorm-again. Then a new device resumes a path package at the bookmarked module.
 */
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { decodeResume, RESUME_LIMITS } from '../../src/core/lms/resume.ts';
import type { PackageScope } from '../../src/core/lms/scope.ts';
import { loadQuiz } from '../e2e/quiz-helpers.ts';
import { buildPackages, serve } from './lms-server.ts';

const MODULE = 'p01-awareness';
const PATH = 'developer';
const quiz = loadQuiz(MODULE);
let server: Awaited<ReturnType<typeof serve>>;
let zips: ReturnType<typeof buildPackages>;

test.beforeAll(async () => {
	zips = buildPackages('scorm12,scorm2004', `${MODULE},${PATH}`);
	server = await serve(zips);
});
// Every file a page loaded is in its package (packages carry only the assets their pages load).
test.afterEach(() => expect(server.missing).toEqual([]));
test.afterAll(async () => server?.close());

function scopeOf(zip: string): PackageScope {
	const files = zips.get(zip);
	if (!files) throw new Error(`no package ${zip}`);
	return JSON.parse(new TextDecoder().decode(files['lms-package.json'])).scope;
}

async function openInLms(page: Page, v: '12' | '2004', pkg: string, init: Record<string, string> = {}) {
	const launch = `modules/${scopeOf(pkg).modules[0]?.id}/index.html`;
	const q = new URLSearchParams({ v, pkg, launch, init: JSON.stringify(init) });
	await page.goto(`${server.origin}/harness?${q}`);
	const sco = page.frameLocator('#sco');
	await expect(sco.locator('.lms-bar')).toContainText('Connected to your organisation');
	await expect(sco.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	return sco;
}

/** Session time is write-only through the API, so it is read from scorm-again's data model directly. */
const sessionTime = (page: Page, v: '12' | '2004') =>
	page.evaluate((ver) => {
		const api = (
			window as unknown as {
				lmsApi: { cmi: { core: { _session_time: string }; session: { _session_time: string } } };
			}
		).lmsApi;
		return ver === '12' ? api.cmi.core._session_time : api.cmi.session._session_time;
	}, v);

const cmi = (page: Page, element: string) =>
	page.evaluate(
		(el) => (window as unknown as { lmsApi: { getCMIValue(e: string): string } }).lmsApi.getCMIValue(el),
		element,
	);

async function startAssessment(sco: FrameLocator): Promise<string[]> {
	for (let tries = 0; tries < 15; tries++) {
		await sco.getByLabel(/Assessment: answer everything/).check();
		await sco.locator('.quiz-island .quiz-start > button').click();
		const ids = await sco
			.locator('.quiz-question')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
		// The helper answers every kind except scenarios: draw again until none is drawn.
		if (!ids.some((id) => quiz.questions.find((q) => q.id === id)?.type === 'scenario')) return ids;
		await sco.getByRole('button', { name: 'Cancel' }).click();
	}
	throw new Error('every draw had a scenario question');
}

async function answerCorrectly(sco: FrameLocator, id: string) {
	const q = quiz.questions.find((x) => x.id === id);
	const scope = sco.locator(`[data-question-id="${id}"]`);
	if (!q) throw new Error(`no question ${id}`);
	if (q.type === 'single')
		await scope.locator(`[id$="-${id}-${q.options.find((o) => o.correct)?.id}"]`).check();
	else if (q.type === 'true-false') await scope.locator(`[id$="-${id}-${String(q.answer)}"]`).check();
	else if (q.type === 'multiple')
		for (const o of q.options.filter((x) => x.correct)) await scope.locator(`[id$="-${id}-${o.id}"]`).check();
	else if (q.type === 'spot-the-line')
		for (const l of q.lines.filter((x) => x.vulnerable))
			await scope.locator(`[id$="-${id}-l${l.line}"]`).check();
	else if (q.type === 'ordering') {
		for (let want = 0; want < q.items.length; want++) {
			const texts = await scope.locator('.ordering-item .ordering-text').allTextContents();
			const now = texts.indexOf(q.items[want]?.text as string);
			for (let k = 0; k < now - want; k++)
				await scope.locator(`[id$="-${id}-${q.items[want]?.id}-up"]`).click();
		}
	} else throw new Error(`cannot answer ${q.type}`);
}

async function failThenPass(sco: FrameLocator) {
	await startAssessment(sco);
	await sco.locator('.quiz-submit button.button:not(.button-secondary)').click();
	// Nothing is answered, so the quiz asks first (issue #15's confirmation); submit anyway.
	await sco.getByRole('button', { name: 'Submit anyway' }).click();
	await expect(sco.locator('.quiz-result .score')).toContainText('0%');
}
async function pass(sco: FrameLocator) {
	const again = sco.getByRole('button', { name: 'Try again with a fresh draw' });
	if (await again.isVisible()) {
		await again.click();
		await sco.getByRole('button', { name: 'Cancel' }).click();
	}
	const ids = await startAssessment(sco);
	for (const id of ids) await answerCorrectly(sco, id);
	await sco.locator('.quiz-submit button.button:not(.button-secondary)').click();
	await expect(sco.locator('.quiz-result .score')).toContainText('100% · Passed');
}

let suspend2004 = '';

test('SCORM 1.2: read, a failed attempt, a pass; status, score, session time and suspend data', async ({
	page,
}) => {
	const sco = await openInLms(page, '12', `scorm12-module-${MODULE}.zip`, {
		'cmi.student_data.mastery_score': '80',
	});
	await expect.poll(() => cmi(page, 'cmi.core.lesson_status')).toBe('incomplete');
	expect(await cmi(page, 'cmi.core.lesson_location')).toBe(MODULE);

	await sco.getByRole('button', { name: 'Mark this module as read' }).click();
	await expect.poll(() => cmi(page, 'cmi.core.lesson_status')).toBe('completed');

	await failThenPass(sco);
	await expect.poll(() => cmi(page, 'cmi.core.lesson_status')).toBe('failed');
	expect(await cmi(page, 'cmi.core.score.raw')).toBe('0');

	await pass(sco);
	await expect.poll(() => cmi(page, 'cmi.core.lesson_status')).toBe('passed');
	expect(await cmi(page, 'cmi.core.score.raw')).toBe('100');
	expect(await cmi(page, 'cmi.core.score.min')).toBe('0');
	expect(await cmi(page, 'cmi.core.score.max')).toBe('100');

	await sco.getByRole('button', { name: 'Save and exit' }).click();
	await expect(sco.locator('.lms-bar')).toContainText('Saved.');
	expect(
		await page.evaluate(() =>
			(window as unknown as { lmsApi: { isTerminated(): boolean } }).lmsApi.isTerminated(),
		),
	).toBe(true);
	// Sent as HHHH:MM:SS.SS; scorm-again validates it (a bad value is refused) and keeps it as HH:MM:SS.SS.
	expect(await sessionTime(page, '12')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
	expect(await sessionTime(page, '12')).not.toMatch(/^0+:00:00(\.0+)?$/);
	const suspend = await cmi(page, 'cmi.suspend_data');
	expect(suspend.length).toBeLessThanOrEqual(RESUME_LIMITS.scorm12);
	const resume = decodeResume(suspend, scopeOf(`scorm12-module-${MODULE}.zip`).modules);
	expect(Object.keys(resume?.read ?? {})).toEqual([MODULE]);
	expect(resume?.attempts.map((a) => a.passed)).toEqual(expect.arrayContaining([true, false]));
	expect(resume?.omitted).toBe(0);
});

test('SCORM 2004: completion and success separate, scaled score, ISO session time, suspend data', async ({
	page,
}) => {
	const sco = await openInLms(page, '2004', `scorm2004-module-${MODULE}.zip`, {
		'cmi.scaled_passing_score': '0.8',
	});
	await expect.poll(() => cmi(page, 'cmi.completion_status')).toBe('incomplete');
	expect(await cmi(page, 'cmi.success_status')).toBe('unknown');

	await failThenPass(sco);
	await expect.poll(() => cmi(page, 'cmi.success_status')).toBe('failed');
	expect(await cmi(page, 'cmi.score.scaled')).toBe('0');
	expect(await cmi(page, 'cmi.completion_status')).toBe('incomplete');

	await sco.getByRole('button', { name: 'Try again with a fresh draw' }).click();
	await sco.getByRole('button', { name: 'Cancel' }).click();
	await sco.getByRole('button', { name: 'Mark this module as read' }).click();
	await expect.poll(() => cmi(page, 'cmi.completion_status')).toBe('completed');
	await pass(sco);
	await expect.poll(() => cmi(page, 'cmi.success_status')).toBe('passed');
	expect(await cmi(page, 'cmi.score.scaled')).toBe('1');
	expect(await cmi(page, 'cmi.score.raw')).toBe('100');
	expect(await cmi(page, 'cmi.score.min')).toBe('0');
	expect(await cmi(page, 'cmi.score.max')).toBe('100');

	await sco.getByRole('button', { name: 'Save and exit' }).click();
	await expect(sco.locator('.lms-bar')).toContainText('Saved.');
	expect(await sessionTime(page, '2004')).toMatch(/^PT(\d+H)?(\d+M)?[\d.]+S$/);
	expect(await sessionTime(page, '2004')).not.toBe('PT0S');
	expect(
		await page.evaluate(
			() =>
				(window as unknown as { lmsApi: { cmi: { session: { _exit: string } } } }).lmsApi.cmi.session._exit,
		),
	).toBe('normal');
	suspend2004 = await cmi(page, 'cmi.suspend_data');
	const resume = decodeResume(suspend2004, scopeOf(`scorm2004-module-${MODULE}.zip`).modules);
	expect(resume?.attempts.length).toBe(2);
	expect(suspend2004.length).toBeLessThanOrEqual(RESUME_LIMITS.scorm2004);
});

test('SCORM 2004 path: a new device resumes at the bookmarked module with the earlier progress', async ({
	page,
}) => {
	// The path's suspend data as a previous session on another device left it: module 1 read and passed.
	const pkg = `scorm2004-path-${PATH}.zip`;
	const modules = scopeOf(pkg).modules;
	expect(modules[0]?.id).toBe(MODULE);
	const second = modules[1]?.id as string;
	const earlier = decodeResume(suspend2004, scopeOf(`scorm2004-module-${MODULE}.zip`).modules);
	expect(earlier).toBeDefined();
	const { encodeResume } = await import('../../src/core/lms/resume.ts');
	const state = encodeResume(
		{ read: earlier?.read ?? {}, attempts: earlier?.attempts ?? [] },
		modules,
		RESUME_LIMITS.scorm2004,
	).text;

	const q = new URLSearchParams({
		v: '2004',
		pkg,
		launch: `modules/${MODULE}/index.html`,
		init: JSON.stringify({ 'cmi.entry': 'resume', 'cmi.location': second, 'cmi.suspend_data': state }),
	});
	await page.goto(`${server.origin}/harness?${q}`);
	const sco = page.frameLocator('#sco');
	// The launch page moved on to the bookmarked module, in the same LMS session.
	await expect(sco.locator('.lms-bar [aria-current=page]')).toHaveText(modules[1]?.title as string);
	await expect.poll(() => cmi(page, 'cmi.location')).toBe(second);
	// The earlier progress came back into this browser: module 1 shows as read and passed there.
	await sco.locator('.lms-bar a').first().click();
	await expect(sco.locator('.lms-bar [aria-current=page]')).toHaveText(modules[0]?.title as string);
	await expect(sco.locator('.read-mark.is-read')).toBeVisible();
	await expect
		.poll(() => cmi(page, 'cmi.progress_measure'))
		.toBe(String(Math.round((1 / modules.length) * 1000) / 1000));
	// One of the path's assessments passed, the others not yet taken: neither passed nor failed.
	expect(await cmi(page, 'cmi.success_status')).toBe('unknown');
	expect(await cmi(page, 'cmi.completion_status')).toBe('incomplete');
	expect(
		await page.evaluate(() =>
			(window as unknown as { lmsApi: { isTerminated(): boolean } }).lmsApi.isTerminated(),
		),
	).toBe(false);
});

test('outside an LMS a packaged page loads no LMS code and shows nothing', async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto(`${server.origin}/pkg/scorm2004-module-${MODULE}.zip/modules/${MODULE}/index.html`);
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await page.waitForTimeout(500);
	expect(requested.filter((u) => u.includes('/lms/') || u.includes('lms-package.json'))).toEqual([]);
	await expect(page.locator('.lms-bar')).toHaveCount(0);
});
