/**
 * Labs in the browser: learner code runs in the sandbox worker, results per case, drafts kept,
 * an endless loop stopped with a message while the page stays responsive, keyboard-only
 * completion, accessibility at 320 px, no CSP violation, and offline after one visit.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openLabFix, watchCsp, watchPage } from './helpers.ts';

const LAB = 'labs/markdown-image-exfiltration/';
const reference = readFileSync(
	new URL('../../content/labs/markdown-image-exfiltration/reference.js', import.meta.url),
	'utf8',
);

/** The editor's text (CodeMirror lives in a shadow root). */
function editorText(page: Page) {
	return page.locator('.lab-editor .cm-content').textContent();
}

async function openLab(page: Page, path = LAB) {
	await openLabFix(page, path);
}

/** Replaces the editor's code, typing through the keyboard (select all, then insert). */
async function replaceCode(page: Page, code: string) {
	await page.locator('.lab-editor .cm-content').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(code);
}

test('complete a lab by keyboard only, and leave the editor with Escape then Tab', async ({ page }) => {
	const csp = await watchCsp(page);
	await openLab(page);
	// Reach the editor with Tab from the top of the page.
	let inEditor = false;
	for (let i = 0; i < 80 && !inEditor; i++) {
		await page.keyboard.press('Tab');
		inEditor = await page.evaluate(
			() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('cm-content') ?? false,
		);
	}
	expect(inEditor, 'the editor is reachable with Tab').toBe(true);
	// Tab inside the editor indents instead of leaving.
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.classList.contains('lab-editor'))).toBe(true);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(reference);
	// The way out that the page shows: Escape, then Tab, lands on the Run button.
	await expect(page.locator('.lab-keys')).toContainText('press Esc, then Tab');
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Run the suites' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('.lab-live')).toContainText('passed.', { timeout: 30_000 });
	await expect(page.locator('.lab-live')).toContainText('attacks blocked');
	await expect(page.locator('[data-verdict="got-through"]')).toHaveCount(0);
	await expect(page.locator('.lab-status')).toContainText('Completed');
	// Focus moved to the results so a screen-reader user hears them.
	await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
	expect(await csp()).toEqual([]);
});

test('the starter passes the functional cases and lets attacks through, with their stories', async ({
	page,
}) => {
	await openLab(page);
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('not passed yet', { timeout: 30_000 });
	await expect(page.locator('[data-verdict="passed"]')).toHaveCount(4);
	const through = page.locator('[data-verdict="got-through"]');
	expect(await through.count()).toBeGreaterThan(0);
	await through.first().locator('summary').click();
	await expect(through.first()).toContainText('Modelled on: EchoLeak');
	// A failed run reveals the first hint.
	await expect(page.getByRole('heading', { name: 'Hints' })).toBeVisible();
	await expect(page.locator('.lab-hints li')).toHaveCount(1);
});

test('the sandbox engine (worker and WebAssembly) is fetched on the first run, not when the page loads', async ({
	page,
	context,
}) => {
	const fetched: string[] = [];
	context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
	const engine = () => fetched.filter((u) => u.endsWith('.wasm') || /lab-worker/.test(u));
	await openLab(page);
	await page.waitForLoadState('networkidle');
	expect(engine(), 'engine files fetched before Run').toEqual([]);
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('not passed yet', { timeout: 30_000 });
	expect(
		engine().some((u) => u.endsWith('.wasm')),
		'the WebAssembly is fetched on Run',
	).toBe(true);
});

test.describe('the editor loads when it is needed (issue #22)', () => {
	const FIX_FIRST = 'labs/prompt-redaction/';
	const starterText = readFileSync(
		new URL('../../content/labs/prompt-redaction/starter.js', import.meta.url),
		'utf8',
	);
	const starterFirstLine = starterText.split('\n')[0] as string;
	test.use({ viewport: { width: 412, height: 823 } });

	/** Every JavaScript file the page fetches, with its text. */
	function watchScripts(page: Page) {
		const scripts: { url: string; text: Promise<string> }[] = [];
		page.on('response', (r) => {
			if (r.url().endsWith('.js')) scripts.push({ url: r.url(), text: r.text().catch(() => '') });
		});
		return async () => {
			const texts = await Promise.all(scripts.map((s) => s.text));
			return scripts.filter((_, i) => texts[i]?.includes('cm-content')).map((s) => s.url);
		};
	}

	/** Opens a lab and waits until it has settled without fetching the editor; returns the script watch. */
	async function openBeforeEditor(page: Page, path: string, why: string) {
		const editorFiles = watchScripts(page);
		await page.goto(path);
		await expect(page.locator('.lab-runner[data-hydrated=true]')).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(await editorFiles(), why).toEqual([]);
		return editorFiles;
	}

	test('a lab that opens on the fix shows the code as text, and loads the editor as its box nears the screen', async ({
		page,
	}) => {
		const editorFiles = await openBeforeEditor(
			page,
			FIX_FIRST,
			'editor fetched before its box was near the screen',
		);
		const placeholder = page.locator('.lab-editor-placeholder');
		await expect(placeholder).toContainText(starterFirstLine);
		await expect(page.getByRole('button', { name: 'Run the suites' })).toBeDisabled();
		await expectNoAxeViolations(page, 'a lab showing its code as text, before the editor loads');

		await page.locator('.lab-editor').scrollIntoViewIfNeeded();
		await expect(page.locator('.lab-editor .cm-content')).toBeVisible();
		expect((await editorFiles()).length, 'editor fetched once the box was near').toBeGreaterThan(0);
		expect(await editorText(page)).toContain(starterFirstLine);
		await expect(placeholder).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Run the suites' })).toBeEnabled();
	});

	test('focusing the code as text opens the editor with the focus in it; typing / there stays there', async ({
		page,
	}) => {
		await page.goto(FIX_FIRST);
		await expect(page.locator('.lab-runner[data-hydrated=true]')).toBeVisible();
		await page.locator('.lab-editor-placeholder').focus();
		await expect
			.poll(() =>
				page.evaluate(() =>
					document.activeElement?.shadowRoot?.activeElement?.classList.contains('cm-content'),
				),
			)
			.toBe(true);
		// `/` jumps to the search box elsewhere on the page, but not from the editor (its key events
		// reach the page retargeted to the editor's host; ThemeSwitch.astro reads the real target).
		await page.keyboard.type('// typed 2026');
		expect(await editorText(page)).toContain('// typed 2026');
		await expect(page.locator('#site-search')).not.toBeFocused();
	});

	test('a lab that opens on the attack fetches no editor until the learner moves to the fix', async ({
		page,
	}) => {
		const editorFiles = await openBeforeEditor(page, LAB, 'editor fetched on the attack stage');
		await page.getByRole('button', { name: 'Skip the attack and go straight to the fix' }).click();
		await page.locator('.lab-editor').scrollIntoViewIfNeeded();
		await expect(page.locator('.lab-editor .cm-content')).toBeVisible();
		expect((await editorFiles()).length).toBeGreaterThan(0);
	});

	test('an editor that cannot load is said plainly, and the code stays readable', async ({ page }) => {
		let refused = 0;
		await page.route(/\/_astro\/editor\.[^/]+\.js$/, (route) => {
			refused += 1;
			return route.abort();
		});
		await page.goto(FIX_FIRST);
		await expect(page.locator('.lab-runner[data-hydrated=true]')).toBeVisible();
		await page.locator('.lab-editor').scrollIntoViewIfNeeded();
		await expect(page.getByRole('alert')).toContainText('The editor could not load.');
		expect(refused, 'the editor file was requested (and refused)').toBeGreaterThan(0);
		await expect(page.locator('.lab-editor-placeholder')).toContainText(starterFirstLine);
		await expect(page.getByRole('button', { name: 'Run the suites' })).toBeDisabled();
	});
});

test('reload keeps the draft', async ({ page }) => {
	await openLab(page);
	await replaceCode(page, 'function renderAnswer(markdown) {\n// draft kept 4711\nreturn markdown;\n}');
	await expect(page.locator('.lab-status')).toContainText('draft saved', { timeout: 5000 });
	await page.reload();
	await openLab(page, LAB);
	expect(await editorText(page)).toContain('draft kept 4711');
});

test('an endless loop ends with a message, the page stays responsive, and the next run works', async ({
	page,
}) => {
	await openLab(page);
	await replaceCode(page, 'function renderAnswer(markdown) { while (true) {} }');
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.getByRole('button', { name: 'Running…' })).toBeDisabled();
	// The page answers while the worker spins.
	const started = Date.now();
	expect(await page.evaluate(() => 6 * 7)).toBe(42);
	expect(Date.now() - started).toBeLessThan(1000);
	await expect(page.locator('.lab-stop')).toContainText('still running after 2 seconds', { timeout: 20_000 });
	await replaceCode(page, reference);
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('passed.', { timeout: 30_000 });
	await expect(page.locator('.lab-stop')).toHaveCount(0);
});

test('the reference solution is shown on request and a pass is then recorded as completed with it shown', async ({
	page,
}) => {
	await openLab(page, 'labs/agent-tool-approval/');
	await page.getByRole('button', { name: /Show the reference solution/ }).click();
	await expect(page.getByRole('heading', { name: 'Reference solution' })).toBeVisible();
	await page.getByRole('button', { name: 'Copy it into the editor' }).click();
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('completed with the solution shown', {
		timeout: 30_000,
	});
	await expect(page.locator('.lab-status')).toContainText('Completed with the solution shown');
	// The dashboard lists the lab with that status.
	await page.goto('dashboard/');
	await expect(page.locator('.labs-dashboard[data-hydrated=true]')).toBeVisible();
	await expect(page.locator('[data-lab="agent-tool-approval"]')).toContainText(
		'Completed with the solution shown',
	);
	await expect(page.locator('[data-lab="markdown-image-exfiltration"]')).toContainText('Not started');
});

test('a TypeScript lab strips types and runs', async ({ page }) => {
	await openLab(page, 'labs/sql-from-model-output/');
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('2 of 2 functional cases passed', {
		timeout: 30_000,
	});
});

for (const path of ['labs/', LAB]) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`${path} has no accessibility violations (${scheme}), no CSP violation, nothing from other origins`, async ({
			page,
			baseURL,
		}) => {
			const csp = await watchCsp(page);
			await page.emulateMedia({ colorScheme: scheme });
			const watch = watchPage(page, new URL(baseURL ?? '').origin);
			if (path !== LAB) await page.goto(path);
			else {
				await openLabFix(page, path);
				await page.getByRole('button', { name: 'Run the suites' }).click();
				await expect(page.locator('.lab-live')).toContainText('attacks blocked', { timeout: 30_000 });
				await page.getByRole('button', { name: /Show the reference solution/ }).click();
				// The editor is styled (its stylesheet was not blocked).
				const gutterBorder = await page
					.locator('.lab-editor .cm-gutters')
					.evaluate((el) => getComputedStyle(el).borderRightStyle);
				expect(gutterBorder).toBe('solid');
				// Typing over a selection that spans lines stays inside the editor: the browser's own
				// editing would set a style attribute there, which the CSP blocks.
				await page.locator('.lab-editor .cm-content').focus();
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.type('x');
				await expect(page.locator('.lab-editor .cm-content')).toHaveText('x');
			}
			await page.locator('details').evaluateAll((els) => {
				for (const el of els) (el as HTMLDetailsElement).open = true;
			});
			await expectNoAxeViolations(page, `${path} (${scheme})`);
			const meta =
				(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
			expect(meta).not.toContain('unsafe-inline');
			expect(meta).not.toMatch(/'unsafe-eval'/);
			expect(await csp()).toEqual([]);
			expect(watch.foreign).toEqual([]);
			expect(watch.errors).toEqual([]);
		});
	}
	test(`${path} fits a 320 px wide screen`, async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 700 });
		if (path !== LAB) await page.goto(path);
		else {
			await openLabFix(page, path);
			await page.getByRole('button', { name: 'Run the suites' }).click();
			await expect(page.locator('.lab-live')).toContainText('attacks blocked', { timeout: 30_000 });
		}
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

test('each lab is linked from its module, and the module says which labs practise it', async ({ page }) => {
	await page.goto('modules/sc02-output-handling/');
	const section = page.locator('.module-labs');
	await expect(section.getByRole('heading', { name: 'Practise it in a lab' })).toBeVisible();
	await section.getByRole('link', { name: /Render the assistant's Markdown/ }).click();
	await expect(page).toHaveURL(/labs\/markdown-image-exfiltration\/$/);
});

test.describe('offline', () => {
	test.use({ serviceWorkers: 'allow' });
	test('after one visit a lab runs offline (the engine comes from the saved copy)', async ({
		page,
		context,
	}) => {
		await page.goto('labs/');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						const name = (await caches.keys()).find((k) => k.startsWith('saa-') && k !== 'saa-runtime');
						if (!name) return false;
						const keys = await (await caches.open(name)).keys();
						return keys.length > 100 && keys.some((r) => r.url.endsWith('.wasm'));
					}),
				{ timeout: 60_000 },
			)
			.toBe(true);
		await context.setOffline(true);
		await openLab(page);
		await page.getByRole('button', { name: 'Run the suites' }).click();
		await expect(page.locator('.lab-live')).toContainText('attacks blocked', { timeout: 30_000 });
		await context.setOffline(false);
	});
});
