/**
 * The import graph of src/ and scripts/, and the rules that keep its arrows one way (see
 * ARCHITECTURE.md). Read by tests/repo/imports.test.ts, which `npm test` runs; the rules are
 * plain functions over a graph so that the test can also feed them a graph that breaks each one.
 *
 * Every import counts, `import type` included: a cycle of types still ties two modules together
 * and is the first step to a cycle at run time.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import: the specifier as written and what it resolves to (a repo path, or the bare name). */
export interface Edge {
	specifier: string;
	/** Repo-relative path with "/" for a file of the project; the specifier itself for a package. */
	target: string;
	/** True when the target is a file of the project. */
	local: boolean;
}

/** Repo-relative file path → its imports. */
export type ImportGraph = Map<string, Edge[]>;

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/;
const TRY_EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '.astro', '/index.ts', '/index.tsx'];

/** The script parts of a file: all of a TS/JS file; the frontmatter and `<script>` bodies of an .astro file. */
export function scriptText(path: string, text: string): string {
	if (!path.endsWith('.astro')) return text;
	const parts: string[] = [];
	const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (front?.[1]) parts.push(front[1]);
	for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) if (m[1]) parts.push(m[1]);
	return parts.join('\n');
}

/** Specifiers imported by a file: static, type-only, side-effect, re-exports and dynamic `import()`. */
export function specifiersOf(path: string, text: string): string[] {
	const info = ts.preProcessFile(scriptText(path, text), true, true);
	return [...new Set(info.importedFiles.map((f) => f.fileName))];
}

function resolveLocal(root: string, fromFile: string, specifier: string): string | undefined {
	const base = resolve(root, dirname(fromFile), specifier);
	for (const ext of TRY_EXTENSIONS) {
		const candidate = base + ext;
		if (existsSync(candidate) && statSync(candidate).isFile())
			return relative(root, candidate).split(sep).join('/');
	}
	return undefined;
}

function walk(root: string, dir: string, out: string[]) {
	const abs = join(root, dir);
	if (!existsSync(abs)) return;
	for (const name of readdirSync(abs)) {
		if (name === 'node_modules' || name.startsWith('.')) continue;
		const rel = `${dir}/${name}`;
		if (statSync(join(root, rel)).isDirectory()) walk(root, rel, out);
		else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
	}
}

/** The graph of every source file under `dirs` (repo-relative), with imports resolved. */
export function buildImportGraph(root: string, dirs: readonly string[]): ImportGraph {
	const files: string[] = [];
	for (const d of dirs) walk(root, d, files);
	const graph: ImportGraph = new Map();
	for (const file of files.sort()) {
		const edges: Edge[] = [];
		for (const specifier of specifiersOf(file, readFileSync(join(root, file), 'utf8'))) {
			if (specifier.startsWith('.')) {
				const target = resolveLocal(root, file, specifier);
				edges.push({ specifier, target: target ?? `${dirname(file)}/${specifier}`, local: true });
			} else {
				edges.push({ specifier, target: specifier, local: false });
			}
		}
		graph.set(file, edges);
	}
	return graph;
}

/** Every import cycle among the graph's own files, each as the list of files around it (first file repeated last). */
export function findCycles(graph: ImportGraph): string[][] {
	const cycles: string[][] = [];
	// Tarjan's strongly connected components; each component of more than one file (or a file
	// importing itself) holds at least one cycle, reported once by a shortest loop through it.
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const next = (f: string) =>
		(graph.get(f) ?? []).filter((e) => e.local && graph.has(e.target)).map((e) => e.target);
	const strong = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of next(v)) {
			if (!idx.has(w)) {
				strong(w);
				low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
		}
		if (low.get(v) === idx.get(v)) {
			const component: string[] = [];
			let w: string | undefined;
			do {
				w = stack.pop();
				if (w === undefined) break;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || next(v).includes(v)) {
				const members = new Set(component);
				const start = [...members].sort()[0] as string;
				cycles.push(shortestLoop(start, members, next));
			}
		}
	};
	for (const f of graph.keys()) if (!idx.has(f)) strong(f);
	return cycles;
}

function shortestLoop(start: string, members: Set<string>, next: (f: string) => string[]): string[] {
	const prev = new Map<string, string>();
	const queue = [start];
	while (queue.length) {
		const v = queue.shift() as string;
		for (const w of next(v)) {
			if (!members.has(w)) continue;
			if (w === start) {
				const path = [v];
				while (path[0] !== start) path.unshift(prev.get(path[0] as string) as string);
				return [...path, start];
			}
			if (!prev.has(w)) {
				prev.set(w, v);
				queue.push(w);
			}
		}
	}
	return [start, start];
}

/** A broken rule: the importing file, what it imports, and why that is not allowed. */
export interface Violation {
	file: string;
	imports: string;
	rule: string;
}

const under = (path: string, dir: string) => path.startsWith(`${dir}/`);
/** The one module that imports zod itself (see its comment); every other file imports z from it. */
export const ZOD_MODULE = 'src/schemas/zod.ts';
const isReact = (s: string) => /^react(-dom)?($|\/)/.test(s);

/** The direction rules of ARCHITECTURE.md, checked on each edge of the graph. */
export function directionViolations(graph: ImportGraph): Violation[] {
	const out: Violation[] = [];
	for (const [file, edges] of graph) {
		for (const e of edges) {
			const add = (rule: string) => out.push({ file, imports: e.specifier, rule });
			if (under(file, 'src/core')) {
				const banned = ['src/lib', 'src/islands', 'src/pages', 'src/components', 'src/layouts'].find(
					(d) => e.local && under(e.target, d),
				);
				if (banned)
					add(`core/ must not import from ${banned.slice(4)}/ (core is pure: no Astro, React or DOM)`);
				if (!e.local && isReact(e.target)) add('core/ must not import React');
				if (!e.local && (e.target.startsWith('astro:') || e.target === 'astro'))
					add('core/ must not import astro or astro:* modules');
			}
			if (under(file, 'src/lib') && e.local && under(e.target, 'src/islands'))
				add('lib/ must not import from islands/ (move the shared code into core/)');
			if (!e.local && (e.target === 'zod' || e.target === 'astro/zod') && file !== ZOD_MODULE)
				add(
					`import z from ${ZOD_MODULE}, not from ${e.target} (it puts zod in jitless mode, which the CSP needs)`,
				);
			if (under(file, 'src/schemas')) {
				const ok = e.local ? under(e.target, 'src/schemas') : e.target === 'zod' || e.target === 'astro/zod';
				if (!ok) add('schemas/ may import only zod (astro/zod) and other schemas');
			}
		}
	}
	return out;
}

/** Browser-only globals that core/ must not touch (it runs in Node, in scripts and at build time). */
export const DOM_GLOBALS = new Set([
	'window',
	'document',
	'localStorage',
	'sessionStorage',
	'navigator',
	'location',
	'history',
	'indexedDB',
	'HTMLElement',
	'HTMLInputElement',
	'Element',
	'Document',
	'Window',
	'Storage',
	'DOMParser',
	'XMLHttpRequest',
	'FileReader',
	'MutationObserver',
	'IntersectionObserver',
	'ResizeObserver',
	'requestAnimationFrame',
	'getComputedStyle',
	'customElements',
	'alert',
	'confirm',
	'prompt',
]);

/** Uses of browser-only globals in one file's code (comments and property names do not count). */
export function domGlobalsUsed(path: string, text: string): string[] {
	const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
	const found = new Set<string>();
	const visit = (node: ts.Node) => {
		if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text)) {
			const p = node.parent;
			const isName =
				(ts.isPropertyAccessExpression(p) && p.name === node) ||
				(ts.isPropertyAssignment(p) && p.name === node) ||
				(ts.isPropertySignature(p) && p.name === node) ||
				(ts.isPropertyDeclaration(p) && p.name === node) ||
				(ts.isMethodDeclaration(p) && p.name === node) ||
				(ts.isQualifiedName(p) && p.right === node) ||
				ts.isImportSpecifier(p) ||
				ts.isExportSpecifier(p) ||
				ts.isShorthandPropertyAssignment(p) ||
				((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === node);
			if (!isName) found.add(node.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return [...found].sort();
}
