/**
 * Lab run latency in Chromium on a built site: from pressing "Run the suites" to the results on
 * screen. "First run" is the first run in a fresh browser context, so it includes starting the
 * sandbox worker and fetching and compiling QuickJS's WebAssembly (the engine start); "warm" is
 * each later run on the same page. The lab's reference solution is run, so every case executes.
 * The same is measured in Node (the engine the fairness tests use), without a browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { createQuickJsEngine } from '../../src/core/labs/quickjs-module.ts';
import { runLab } from '../../src/core/labs/run.ts';
import { loadLabs } from '../../src/lib/labs.ts';
import { PROJECT_ROOT } from '../lib/temp-project.ts';

export interface LabLatency {
	lab: string;
	sessions: number;
	warmRunsPerSession: number;
	/** Browser: click → results, first run of a fresh context (engine start included). */
	firstRunMs: number[];
	/** Browser: click → results, later runs. */
	warmRunMs: number[];
	/** Node: loading the WebAssembly module and creating the engine. */
	nodeEngineStartMs: number[];
	/** Node: one whole run (every case), engine already started. */
	nodeWarmRunMs: number[];
	cases: number;
}

const LAB = 'markdown-image-exfiltration';

export async function measureLabs(siteUrl: string, sessions = 5, warmRuns = 4): Promise<LabLatency> {
	const { labs } = loadLabs(PROJECT_ROOT);
	const lab = labs.find((l) => l.data.id === LAB);
	if (!lab) throw new Error(`the lab ${LAB} is missing from content/labs/`);
	const reference = readFileSync(join(PROJECT_ROOT, `content/labs/${LAB}/reference.js`), 'utf8');
	const out: LabLatency = {
		lab: LAB,
		sessions,
		warmRunsPerSession: warmRuns,
		firstRunMs: [],
		warmRunMs: [],
		nodeEngineStartMs: [],
		nodeWarmRunMs: [],
		cases: 0,
	};

	for (let s = 0; s < sessions; s++) {
		const t0 = performance.now();
		const engine = await createQuickJsEngine();
		out.nodeEngineStartMs.push(performance.now() - t0);
		for (let r = 0; r < warmRuns; r++) {
			const t1 = performance.now();
			const summary = await runLab(engine, lab, reference, `bench-${s}-${r}`);
			out.nodeWarmRunMs.push(performance.now() - t1);
			out.cases = summary.results.length;
			if (!summary.passed) throw new Error('the reference solution did not pass in Node');
		}
	}

	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	try {
		for (let s = 0; s < sessions; s++) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(`${siteUrl}labs/${LAB}/`);
			await page.locator('.lab-runner[data-hydrated=true]').waitFor();
			// Labs with an attack stage open on it: go straight to the fix, as a learner may.
			const skip = page.getByRole('button', { name: 'Skip the attack and go straight to the fix' });
			if (await skip.isVisible()) await skip.click();
			// Put the reference in the editor (typing it would only measure the keyboard).
			await page.locator('.lab-editor .cm-content').focus();
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.insertText(reference);
			for (let r = 0; r <= warmRuns; r++) {
				const live = page.locator('.lab-live');
				const t = Date.now();
				await page.getByRole('button', { name: 'Run the suites' }).click();
				// The live region names each run ("Run 2: ..."), so this waits for this run's results.
				await live.filter({ hasText: `Run ${r + 1}: ` }).waitFor({ timeout: 60_000 });
				const ms = Date.now() - t;
				if (r === 0) out.firstRunMs.push(ms);
				else out.warmRunMs.push(ms);
				const passed = /passed\. /.test((await live.textContent()) ?? '');
				if (!passed) throw new Error('the reference solution did not pass in the browser');
			}
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}
