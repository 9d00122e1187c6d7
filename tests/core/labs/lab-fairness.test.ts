/**
 * Every lab is fair, proved by running it: the starter keeps the legitimate behaviour and lets
 * at least one attack through; the reference passes everything across many seeds; each plausible
 * wrong fix kept in tests/fixtures/labs/<id>/ fails on every seed tried. A lab with an exploit
 * stage: a known working payload (exploit-works.txt) makes the starter leak, a harmless one
 * (exploit-harmless.txt) and the lab's starting payload do not, and the reference blocks the
 * working payload as "your attack" while passing the suites.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabEngine } from '../../../src/core/labs/engine.ts';
import type { RunSummary } from '../../../src/core/labs/grading.ts';
import { createQuickJsEngine } from '../../../src/core/labs/quickjs-module.ts';
import { runExploit, runLab } from '../../../src/core/labs/run.ts';
import { loadLabs } from '../../../src/lib/labs.ts';

const root = new URL('../../../', import.meta.url).pathname;
const { labs, problems } = loadLabs(root);
const LIMITS = { deadlineMs: 10_000, memoryBytes: 32 * 1024 * 1024 };
const SEEDS = Array.from({ length: 20 }, (_, i) => `fair-${i}`);

let engine: LabEngine;
beforeAll(async () => {
	engine = await createQuickJsEngine();
});

function failures(s: RunSummary): string {
	return s.results
		.filter((r) => r.verdict === 'broken' || r.verdict === 'got-through')
		.map((r) => `${r.key}: ${r.detail}`)
		.join('\n');
}

it('the labs load without problems', () => {
	expect(problems).toEqual([]);
	expect(labs.length).toBeGreaterThanOrEqual(4);
});

describe.each(labs.map((l) => [l.data.id, l] as const))('lab %s', (id, lab) => {
	const ext = lab.data.language === 'typescript' ? '.ts' : '.js';
	const wrongDir = join(root, 'tests/fixtures/labs', id);
	const wrong = readdirSync(wrongDir)
		.filter((f) => f.startsWith('wrong-') && f.endsWith(ext))
		.sort();

	it('keeps at least two plausible wrong fixes as fixtures', () => {
		expect(wrong.length).toBeGreaterThanOrEqual(2);
	});

	it('starter: every functional case passes and at least one attack gets through', async () => {
		for (const seed of SEEDS.slice(0, 5)) {
			const s = await runLab(engine, lab, lab.starter, seed, LIMITS);
			expect(s.functional.passed, `seed ${seed}\n${failures(s)}`).toBe(s.functional.total);
			expect(s.attacks.blocked, `seed ${seed}`).toBeLessThan(s.attacks.total);
		}
	});

	it('reference: passes everything on every seed', async () => {
		for (const seed of SEEDS) {
			const s = await runLab(engine, lab, lab.reference, seed, LIMITS);
			expect(s.passed, `seed ${seed}\n${failures(s)}`).toBe(true);
		}
	});

	const exploit = lab.data.exploit;
	if (exploit) {
		const payload = (name: string) => readFileSync(join(wrongDir, name), 'utf8').replace(/\n$/, '');
		it('exploit stage: a working payload leaks through the starter, a harmless one and the starting one do not', async () => {
			const works = payload('exploit-works.txt');
			for (const seed of SEEDS.slice(0, 5)) {
				const hit = await runExploit(engine, lab, lab.starter, works, seed, LIMITS);
				expect(hit.message, `seed ${seed}`).toBeUndefined();
				expect(hit.result.leaked, `seed ${seed}: ${hit.result.detail}`).toBe(true);
				expect(hit.result.verdict).toBe('got-through');
				expect(hit.result.evidence, 'the page has something to highlight').toBeTruthy();
				for (const safe of [payload('exploit-harmless.txt'), exploit.payload]) {
					const miss = await runExploit(engine, lab, lab.starter, safe, seed, LIMITS);
					expect(miss.result.leaked, `seed ${seed}: ${JSON.stringify(safe)} should not leak`).toBe(false);
					expect(miss.result.verdict).toBe('blocked');
				}
			}
		});

		it('exploit stage: the reference blocks the working payload as "your attack" and passes', async () => {
			const works = payload('exploit-works.txt');
			for (const seed of SEEDS.slice(0, 5)) {
				const s = await runLab(engine, lab, lab.reference, seed, LIMITS, { yourAttack: works });
				const mine = s.results.find((r) => r.caseId === 'your-attack');
				expect(mine?.verdict, `seed ${seed}: ${mine?.detail}`).toBe('blocked');
				expect(s.passed, `seed ${seed}\n${failures(s)}`).toBe(true);
				// The starter, run as a fix, lets its own attack through.
				const starter = await runLab(engine, lab, lab.starter, seed, LIMITS, { yourAttack: works });
				expect(starter.results.find((r) => r.caseId === 'your-attack')?.verdict).toBe('got-through');
			}
		});
	}

	it.each(wrong)('wrong fix %s fails on every seed', async (file) => {
		const code = readFileSync(join(wrongDir, file), 'utf8');
		for (const seed of SEEDS.slice(0, 10)) {
			const s = await runLab(engine, lab, code, seed, LIMITS);
			expect(s.passed, `seed ${seed}: the wrong fix passed`).toBe(false);
			expect(
				s.message,
				`seed ${seed}: the wrong fix should fail on its merits, not by not loading`,
			).toBeUndefined();
		}
	});
});
