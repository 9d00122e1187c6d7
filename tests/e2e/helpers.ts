import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The built site under test (a second build, e.g. under a base path, sets ACADEMY_OUT_DIR). */
export const DIST = `${resolve(new URL('../..', import.meta.url).pathname, process.env.ACADEMY_OUT_DIR ?? 'dist')}/`;

/** One URL of each page type, relative to the site's base URL. */
export const PAGES = [
	{ name: 'home', path: '' },
	{ name: 'modules index', path: 'modules/' },
	{ name: 'module with quiz', path: 'modules/p01-awareness/' },
	{ name: 'principles index', path: 'principles/' },
	{ name: 'principle', path: 'principles/5/' },
	{ name: 'all provisions', path: 'provisions/' },
	{ name: 'coverage', path: 'coverage/' },
	{ name: 'dashboard', path: 'dashboard/' },
	{ name: 'certificates', path: 'certificates/' },
	{ name: 'certificate', path: 'certificates/p01/' },
	{ name: 'verify', path: 'verify/' },
	{ name: 'learning paths', path: 'paths/' },
	{ name: 'learning path', path: 'paths/developer/' },
	{ name: 'teams and assignments', path: 'assignments/' },
	{ name: 'assignment builder', path: 'assignments/new/' },
	{ name: 'assignment link without a link', path: 'assignments/open/' },
	{ name: 'published assignment', path: 'assignments/new-starters/' },
	{ name: 'team report', path: 'team/' },
	{ name: 'orientation module', path: 'modules/ncsc-guidelines/' },
	{ name: '404', path: 'no-such-page/' },
] as const;

/** Runs axe with the WCAG 2.0-2.2 A and AA rules and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 5)
				.join('\n    ')}`,
	);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Records every request to another origin and every console error while the page is used. */
export function watchPage(page: Page, origin: string) {
	const foreign: string[] = [];
	const errors: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (url.protocol.startsWith('http') && url.origin !== origin) foreign.push(req.url());
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error' && !/404 \(Not Found\)/.test(msg.text())) errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	return { foreign, errors };
}

/**
 * Opens a lab on its fix stage: labs with an exploit stage open on the attack, and tests about the
 * fix skip it (labs-exploit.spec.ts tests the attack itself).
 */
export async function openLabFix(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('.lab-runner[data-hydrated=true]')).toBeVisible();
	const skip = page.getByRole('button', { name: 'Skip the attack and go straight to the fix' });
	if (await skip.isVisible()) await skip.click();
	// The editor loads when its box comes near the screen (LabRunner.tsx).
	await page.locator('.lab-editor').scrollIntoViewIfNeeded();
	await expect(page.locator('.lab-editor .cm-content')).toBeVisible();
}

/** Records the page's Content-Security-Policy violations from the first script on; call the result to read them. */
export async function watchCsp(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
		);
	});
	return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
