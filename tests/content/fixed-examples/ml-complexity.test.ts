/**
 * The ML-complexity lessons' TypeScript fixed examples, run as they appear in the lessons,
 * against each lesson's own attack or failure and against legitimate use.
 */
import { describe, expect, test, vi } from 'vitest';
import { fakeApp, fakeResponse, fixedCode, jsonResponse, runSnippet } from './harness.ts';

describe('ml01: the declared early-payouts consumer fails closed', () => {
	const code = fixedCode(
		'content/modules/ml-complexity/ml01-why-ml-is-different.mdx',
		'A declared, authenticated, versioned contract that fails closed',
	);
	const setup = (response: Response | Error) => {
		const released: string[] = [];
		const fetch = vi.fn(async (..._args: unknown[]) => {
			if (response instanceof Error) throw response;
			return response;
		});
		const { earlyPayouts } = runSnippet(code, {
			RISK_API: 'https://risk.internal',
			fetch,
			tokens: { forService: async (name: string) => `token-for-${name}` },
			payouts: { releaseEarly: async (id: string) => void released.push(id) },
		});
		return { earlyPayouts, released, fetch };
	};
	const batch = (contract: string) => ({
		contract,
		decisions: [
			{ listingId: 'L1', decision: 'eligible' },
			{ listingId: 'L2', decision: 'hold' },
		],
	});

	test('legitimate use: only listings the model team calls eligible are paid early, as itself', async () => {
		const { earlyPayouts, released, fetch } = setup(jsonResponse(batch('early-payout/v2')));
		await earlyPayouts();
		expect(released).toEqual(['L1']);
		expect(fetch.mock.calls[0]?.[1]).toMatchObject({
			headers: { Authorization: 'Bearer token-for-payouts-service' },
		});
	});
	test('a changed contract (the recalibration) stops the job before any payout', async () => {
		const { earlyPayouts, released } = setup(jsonResponse(batch('early-payout/v3')));
		await expect(earlyPayouts()).rejects.toThrow(/unexpected contract/);
		expect(released).toEqual([]);
	});
	test('an upstream error or outage means no early payouts', async () => {
		for (const r of [
			jsonResponse({}, 503),
			new TypeError('fetch failed'),
			new Response('<html>', { status: 200 }),
		]) {
			const { earlyPayouts, released } = setup(r);
			await expect(earlyPayouts()).rejects.toThrow();
			expect(released).toEqual([]);
		}
	});
});

describe('ml02: merchantRisk turns every upstream failure into { ok: false }', () => {
	const code = fixedCode(
		'content/modules/ml-complexity/ml02-data-dependencies.mdx',
		'Pinned model version, validated response, explicit failure',
	);
	const call = async (merchantId: string, response: Response | Error) => {
		const fetch = vi.fn(async (..._args: unknown[]) => {
			if (response instanceof Error) throw response;
			return response;
		});
		const { merchantRisk } = runSnippet(code, { MERCHANT_API: 'https://merchant.internal', fetch });
		return { result: await merchantRisk(merchantId), url: String(fetch.mock.calls[0]?.[0]) };
	};
	const good = { merchantId: 'm-1', modelVersion: 'merchant-risk-2026.09', score: 42 };

	test('legitimate use: a valid score from the pinned model', async () => {
		const { result, url } = await call('m-1', jsonResponse(good));
		expect(result).toEqual({ ok: true, score: 42 });
		expect(url).toBe('https://merchant.internal/risk/m-1?model=merchant-risk-2026.09');
	});
	test.each([
		['a rescaled score (0-1000)', jsonResponse({ ...good, score: 640 }), 'upstream contract violated'],
		[
			'another model version',
			jsonResponse({ ...good, modelVersion: 'merchant-risk-2026.10' }),
			'upstream contract violated',
		],
		[
			'a missing score (the old code read it as zero risk)',
			jsonResponse({ ...good, score: undefined }),
			'upstream contract violated',
		],
		[
			'an answer about another merchant',
			jsonResponse({ ...good, merchantId: 'm-2' }),
			'upstream contract violated',
		],
		['an error status', jsonResponse({}, 500), 'upstream status 500'],
		[
			'an HTML error page served as 200',
			new Response('<html>oops</html>'),
			'upstream unreachable or not JSON',
		],
		['a timeout', new DOMException('signal timed out', 'TimeoutError'), 'upstream timeout'],
		['a network error', new TypeError('fetch failed'), 'upstream unreachable or not JSON'],
	])('%s → { ok: false }', async (_name, response, reason) => {
		expect((await call('m-1', response)).result).toEqual({ ok: false, reason });
	});
	test('a merchant id cannot change the path', async () => {
		const { url } = await call('../admin', jsonResponse(good));
		expect(url).toContain('/risk/..%2Fadmin?');
	});
});

describe('ml03: no request can switch the allergen filter off', () => {
	const code = fixedCode(
		'content/modules/ml-complexity/ml03-anti-patterns.mdx',
		'One live experiment, owned and dated; the filter always runs',
	);
	const run = async (query: Record<string, string>, headers: Record<string, string>, v3: boolean) => {
		const { app, routes } = fakeApp();
		const items = Array.from({ length: 8 }, (_, i) => ({ sku: `s${i}`, allergens: i % 2 ? ['nuts'] : [] }));
		runSnippet(code, {
			app,
			flagStore: { enabled: (name: string) => name === 'rankerV3' && v3 },
			requireUser: async () => ({ id: 'u1', allergyProfile: ['nuts'] }),
			rankerV3: { substitutes: async () => items },
			rankerV2: { substitutes: async () => items.slice(0, 6) },
			allergenFilter: async (list: typeof items, profile: string[]) =>
				list.filter((x) => !x.allergens.some((a) => profile.includes(a))),
		});
		const res = fakeResponse();
		await routes.get('GET /substitutes/:sku')?.({ params: { sku: 'milk-1' }, query, headers }, res);
		return res.body as { sku: string }[];
	};
	test('legitimate use: up to five substitutes, filtered, on either ranker', async () => {
		for (const v3 of [true, false]) {
			const body = await run({}, {}, v3);
			expect(body.length).toBeLessThanOrEqual(5);
			expect(body.every((x) => Number(x.sku.slice(1)) % 2 === 0)).toBe(true);
		}
	});
	test('flags sent in the query or headers change nothing', async () => {
		const body = await run(
			{ fastPath2024: '1', debug: 'true' },
			{ 'x-flags': 'skipFilter,fastPath2024' },
			true,
		);
		expect(body.every((x) => Number(x.sku.slice(1)) % 2 === 0)).toBe(true);
	});
});

describe('ml04: the assistant configuration is refused at start-up unless it is safe', () => {
	const code = fixedCode(
		'content/modules/ml-complexity/ml04-configuration-debt.mdx',
		'Validated at start-up with a strict schema',
	);
	const load = (yaml: string) =>
		runSnippet(
			code,
			{},
			{ 'node:fs': { readFileSync: (path: string) => (path === 'config/assistant.yaml' ? yaml : '') } },
		);
	const good = [
		'model: coachmodel-7b@2026-10-01',
		'systemPromptFile: prompts/assistant.md',
		'tools: [lookupBooking, explainFees, issueVoucher]',
		'approvalRequiredFor: [issueVoucher]',
		'maxVoucherGbp: 50',
		'threatModelRef: TM-12',
	];
	test('legitimate use: a pinned, reviewed configuration loads', () => {
		expect(load(good.join('\n')).cfg.maxVoucherGbp).toBe(50);
	});
	test.each([
		[
			'vouchers without approval',
			'approvalRequiredFor: []',
			/issueVoucher is enabled without human approval/,
		],
		['a floating model', 'model: coachmodel-7b@latest', /model/],
		['an unknown tool', 'tools: [lookupBooking, runShell]', /tools/],
		['a voucher cap above £100', 'maxVoucherGbp: 5000', /maxVoucherGbp/],
		['no threat-model reference', 'threatModelRef: none', /threatModelRef/],
	])('%s stops start-up', (_name, line, message) => {
		const key = line.split(':')[0] as string;
		const yaml = good.map((l) => (l.startsWith(`${key}:`) ? line : l)).join('\n');
		expect(() => load(yaml)).toThrow(message);
	});
	test('an unexpected key (a typo or an injected setting) stops start-up', () => {
		expect(() => load([...good, 'debugAllowAllTools: true'].join('\n'))).toThrow(/debugAllowAllTools/);
	});
});

describe('ml05: automatic blocking has an action limit', () => {
	const code = fixedCode(
		'content/modules/ml-complexity/ml05-changing-world.mdx',
		'Model-owned threshold, recorded decisions, an action limit',
	);
	const setup = (score: number, tokens: number) => {
		const log: string[] = [];
		let left = tokens;
		const { decide } = runSnippet(code, {
			tollgate: { score: async () => ({ score, modelVersion: 'tg-9', threshold: 0.7 }) },
			monitor: { recordPrediction: () => log.push('recorded') },
			blockLimiter: { tryTake: () => left-- > 0 },
			alerts: { page: async () => void log.push('paged') },
			reviewQueue: { add: async () => void log.push('queued') },
			payments: { block: async () => void log.push('blocked') },
		});
		return { decide: () => decide({ id: 't1', channel: 'web' }), log };
	};
	test('legitimate use: low scores pass, high scores block while under the limit', async () => {
		expect(await setup(0.2, 5).decide()).toBe('allow');
		const high = setup(0.9, 5);
		expect(await high.decide()).toBe('block');
		expect(high.log).toEqual(['recorded', 'blocked']);
	});
	test('a shift that makes everything look like fraud hits the limit: review and a page, not a block', async () => {
		const s = setup(0.9, 0);
		expect(await s.decide()).toBe('review');
		expect(s.log).toEqual(['recorded', 'paged', 'queued']);
	});
});
