/**
 * Which fixed examples run as tests. Every `<Fixed>` block with TypeScript must either have a
 * runnable test in this folder (listed in TESTED, which the tests there load by the same file
 * and title) or a stated reason it cannot run (UNTESTED). A new or renamed TypeScript fixed
 * example therefore fails here until someone tests it or says why not. Python fixed examples
 * are run by pytest in tests/python/, whose test_inventory.py does the same for them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadContent } from '../../../src/lib/content-files.ts';
import { fixedCode } from './harness.ts';

const root = new URL('../../..', import.meta.url).pathname;
const SC = 'content/modules/secure-coding/';
const ML = 'content/modules/ml-complexity/';

/** Fixed examples run by ml-complexity.test.ts, secure-coding.test.ts and agents.test.ts. */
const TESTED: [file: string, title: string][] = [
	[`${ML}ml01-why-ml-is-different.mdx`, 'A declared, authenticated, versioned contract that fails closed'],
	[`${ML}ml02-data-dependencies.mdx`, 'Pinned model version, validated response, explicit failure'],
	[`${ML}ml03-anti-patterns.mdx`, 'One live experiment, owned and dated; the filter always runs'],
	[`${ML}ml04-configuration-debt.mdx`, 'Validated at start-up with a strict schema'],
	[`${ML}ml05-changing-world.mdx`, 'Model-owned threshold, recorded decisions, an action limit'],
	[
		'content/modules/principles/p11-updates.mdx',
		'A pinned, evaluated version that fails closed on a mismatch',
	],
	[`${SC}sc01-prompt-injection.mdx`, 'Arguments validated, recipients from the case system, a person sends'],
	[`${SC}sc02-output-handling.mdx`, 'One allowed host, HTTPS only, no redirects, images only'],
	[
		`${SC}sc03-excessive-agency.mdx`,
		'The endpoint checks the user, the scope, ownership, policy and approval itself',
	],
	[
		`${SC}sc04-model-loading.mdx`,
		'TypeScript: safetensors only, our file name, quarantine and sandbox first',
	],
	[
		`${SC}sc05-supply-chain.mdx`,
		'TypeScript: only approved name@version pairs, no install scripts, otherwise a review',
	],
	[`${SC}sc07-poisoning.mdx`, 'Approved sources only, a second approver, provenance on every chunk'],
	[`${SC}sc08-model-attacks.mdx`, 'Authenticated, rate-limited and metered; a decision, not a probability'],
	[
		`${SC}sc09-ai-for-code-security.mdx`,
		'A check run in CI on every new dependency; installs go through review',
	],
	[
		`${SC}sc10-unbounded-consumption.mdx`,
		'Bounded input and output, quota reserved per user and tenant, settled on actual use',
	],
	[
		`${SC}sc11-vector-stores.mdx`,
		'Tenant and groups from the session, enforced in the query, re-checked, logged',
	],
	[
		`${SC}sc06-secrets-and-pii.mdx`,
		'TypeScript: a publishable prompt, authorisation in tools, metadata-only logs',
	],
	[`${SC}sc10-unbounded-consumption.mdx`, 'An allow-list of fields; the server sets the limits'],
	[
		`${SC}sc12-agents-and-mcp.mdx`,
		'Only reviewed definitions, pinned by hash, qualified by server, per task',
	],
	[
		`${SC}sc13-agent-permissions.mdx`,
		'Only tokens issued for this server; its own token downstream; every failure answered',
	],
	[
		`${SC}sc14-ai-coding-assistants.mdx`,
		'Every instruction file, every invisible class, and a refusal when a file cannot be read',
	],
	[
		`${SC}sc14-ai-coding-assistants.mdx`,
		'After review: the employer and the employee come from the session, and the record is scoped by both',
	],
];

/** TypeScript fixed examples without a runnable test, and why. */
const UNTESTED: Record<string, string> = {
	[`${SC}sc02-output-handling.mdx|Sanitised to a short allow-list: no images, links, attributes or scripts`]:
		'browser code: needs DOMPurify, marked and a DOM, none of which the project depends on',
	[`${SC}sc13-agent-permissions.mdx|A throw-away container: no network, no secrets, limits, and a real stop`]:
		'starts a Docker container: CI machines run no Docker engine, so only its parsing is tested',
};

interface FixedBlock {
	file: string;
	title: string;
	lang: string;
}

function fixedBlocks(): FixedBlock[] {
	const out: FixedBlock[] = [];
	for (const file of loadContent(root).files.modules) {
		const source = readFileSync(`${root}${file}`, 'utf8');
		for (const m of source.matchAll(/<Fixed title="([^"]*)">([\s\S]*?)<\/Fixed>/g)) {
			const lang = /```(\w+)/.exec(m[2] ?? '')?.[1] ?? 'none';
			out.push({ file, title: m[1] ?? '', lang });
		}
	}
	return out;
}

test('every TypeScript fixed example is tested or says why not', () => {
	const tested = new Set(TESTED.map(([f, t]) => `${f}|${t}`));
	const missing = fixedBlocks()
		.filter((b) => b.lang === 'typescript' || b.lang === 'ts')
		.map((b) => `${b.file}|${b.title}`)
		.filter((key) => !tested.has(key) && !(key in UNTESTED));
	expect(missing, 'add a test in tests/content/fixed-examples/ or a reason in UNTESTED').toEqual([]);
});

test('every listed example still exists in its lesson', () => {
	for (const [file, title] of TESTED) expect(fixedCode(file, title).length).toBeGreaterThan(0);
	for (const key of Object.keys(UNTESTED)) {
		const [file = '', title = ''] = key.split('|');
		expect(() => fixedCode(file, title)).not.toThrow();
	}
});

test('count of fixed examples that run as tests', () => {
	const blocks = fixedBlocks();
	const ts = blocks.filter((b) => b.lang === 'typescript' || b.lang === 'ts').length;
	// Printed so the number is visible in test output; asserted so it cannot silently fall.
	console.info(`fixed examples: ${blocks.length}; TypeScript: ${ts}; run as tests: ${TESTED.length}`);
	expect(TESTED.length).toBeGreaterThanOrEqual(22);
});
