/**
 * Runs a lesson's fixed example as it appears in the lesson. `fixedCode` takes the TypeScript
 * out of the `<Fixed title="...">` block of a module file, so editing that code (or the title)
 * re-runs, or breaks, its test; `runSnippet` transpiles it and evaluates it with the fakes a
 * test passes for the helpers the snippet uses but does not define (fetch, a database, a
 * model client...). Imports resolve to real packages unless the test maps them to fakes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const root = new URL('../../..', import.meta.url).pathname;
const realRequire = createRequire(import.meta.url);

/** Registry of tested examples, filled by `fixedCode`; `fixed-examples.test.ts` reads the list. */
export interface FixedRef {
	file: string;
	title: string;
}

/** The TypeScript inside `<Fixed title="...">` in a module file (path from the project root). */
export function fixedCode(file: string, title: string): string {
	const source = readFileSync(`${root}${file}`, 'utf8');
	const start = source.indexOf(`<Fixed title="${title}">`);
	if (start < 0) {
		throw new Error(
			`${file}: no <Fixed title="${title}"> block. If you renamed it, rename it in tests/content/fixed-examples too.`,
		);
	}
	const block = source.slice(start, source.indexOf('</Fixed>', start));
	const code = /```(?:typescript|ts)\n([\s\S]*?)\n\s*```/.exec(block)?.[1];
	if (code === undefined) throw new Error(`${file}: <Fixed title="${title}"> holds no TypeScript block`);
	return code;
}

/**
 * Transpiles `code` to CommonJS and runs it with `scope` as its free variables. Returns the
 * snippet's exports. `modules` replaces imports (e.g. `node:child_process`) with fakes.
 */
export function runSnippet(
	code: string,
	scope: Record<string, unknown>,
	modules: Record<string, unknown> = {},
	// biome-ignore lint/suspicious/noExplicitAny: snippets export whatever the lesson defines
): any {
	const js = ts.transpileModule(code, {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
	}).outputText;
	const exports: Record<string, unknown> = {};
	const require = (id: string) => (id in modules ? modules[id] : realRequire(id));
	const names = Object.keys(scope);
	new Function('require', 'exports', 'module', ...names, js)(
		require,
		exports,
		{ exports },
		...names.map((n) => scope[n]),
	);
	return exports;
}

/** A minimal Express-like app that records route handlers, and a response that records calls. */
export function fakeApp() {
	// biome-ignore lint/suspicious/noExplicitAny: handlers take the lesson's own request types
	const routes = new Map<string, (...args: any[]) => unknown>();
	const add =
		(method: string) =>
		// biome-ignore lint/suspicious/noExplicitAny: see above
		(path: string, ...handlers: any[]) => {
			routes.set(`${method} ${path}`, handlers[handlers.length - 1]);
		};
	return { app: { get: add('GET'), post: add('POST') }, routes };
}

export interface FakeResponse {
	statusCode: number;
	body: unknown;
	ended: boolean;
	status(code: number): FakeResponse;
	json(body: unknown): FakeResponse;
	end(): FakeResponse;
}

export function fakeResponse(): FakeResponse {
	const res: FakeResponse = {
		statusCode: 200,
		body: undefined,
		ended: false,
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(body) {
			res.body = body;
			res.ended = true;
			return res;
		},
		end() {
			res.ended = true;
			return res;
		},
	};
	return res;
}

/** A JSON response as fetch would return it. */
export const jsonResponse = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
