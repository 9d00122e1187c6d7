/**
 * Lighthouse (its CLI, default configuration: the mobile preset with simulated slow 4G and a 4x
 * slower CPU) on one URL, in the system Chromium with a fresh profile per run. Every category
 * Lighthouse runs by default is kept; the scores are 0-100 as Lighthouse shows them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { PROJECT_ROOT } from '../lib/temp-project.ts';

export interface LighthouseRun {
	/** Category id → score 0-100 (null when Lighthouse could not score it). */
	scores: Record<string, number | null>;
	/** Lab metrics in milliseconds (CLS unitless). */
	metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
	/** Scored audits that lost points (score 0-100), for the report's "why". */
	failing: { id: string; score: number }[];
	version: string;
	/** Lighthouse's measure of this machine's CPU speed at the time (higher is faster; contention lowers it). */
	benchmarkIndex: number;
}

interface LhJson {
	lighthouseVersion: string;
	environment: { benchmarkIndex: number };
	runtimeError?: { message: string };
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<
		string,
		{ score: number | null; scoreDisplayMode: string; title: string; numericValue?: number }
	>;
}

export function lighthouseOnce(url: string): LighthouseRun {
	const dir = mkdtempSync(join(tmpdir(), 'saa-bench-lh-'));
	try {
		const out = join(dir, 'report.json');
		const r = spawnSync(
			process.execPath,
			[
				join(PROJECT_ROOT, 'node_modules/lighthouse/cli/index.js'),
				url,
				'--output=json',
				`--output-path=${out}`,
				'--quiet',
				`--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`,
			],
			{ encoding: 'utf8', env: { ...process.env, CHROME_PATH: chromiumPath }, timeout: 5 * 60_000 },
		);
		if (r.status !== 0) throw new Error(`Lighthouse failed on ${url}:\n${r.stderr.slice(-2000)}`);
		const json = JSON.parse(readFileSync(out, 'utf8')) as LhJson;
		if (json.runtimeError) throw new Error(`Lighthouse on ${url}: ${json.runtimeError.message}`);
		const num = (id: string) => json.audits[id]?.numericValue ?? Number.NaN;
		const weighted = new Set(
			Object.values(json.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0).map((a) => a.id)),
		);
		return {
			scores: Object.fromEntries(
				Object.entries(json.categories).map(([id, c]) => [
					id,
					c.score === null ? null : Math.round(c.score * 100),
				]),
			),
			metrics: {
				fcp: num('first-contentful-paint'),
				lcp: num('largest-contentful-paint'),
				tbt: num('total-blocking-time'),
				cls: num('cumulative-layout-shift'),
				si: num('speed-index'),
			},
			failing: Object.entries(json.audits)
				.filter(
					([id, a]) =>
						weighted.has(id) &&
						a.score !== null &&
						a.score < 1 &&
						(a.scoreDisplayMode === 'binary' ||
							a.scoreDisplayMode === 'numeric' ||
							a.scoreDisplayMode === 'metricSavings'),
				)
				.map(([id, a]) => ({ id, score: Math.round((a.score ?? 0) * 100) })),
			version: json.lighthouseVersion,
			benchmarkIndex: Math.round(json.environment.benchmarkIndex),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
