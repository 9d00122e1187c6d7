/**
 * Code in lessons must at least be valid code: every fenced TypeScript/JavaScript block parses
 * (TypeScript's parser), and every Python block parses (python3's `ast`). Snippets are fragments
 * that use helpers they do not define, so this checks syntax, not types.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content-files.ts';

const root = new URL('../..', import.meta.url).pathname;
const { files } = loadContent(root);

interface Snippet {
	file: string;
	line: number;
	lang: string;
	code: string;
}

function snippets(file: string): Snippet[] {
	const out: Snippet[] = [];
	const lines = readFileSync(`${root}/${file}`, 'utf8').split('\n');
	for (let i = 0; i < lines.length; i++) {
		const open = /^\s*```(\w+)/.exec(lines[i] as string);
		if (!open) continue;
		const start = i;
		const body: string[] = [];
		for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
		out.push({ file, line: start + 1, lang: (open[1] as string).toLowerCase(), code: body.join('\n') });
	}
	return out;
}

const all = files.modules.flatMap(snippets);
const tsLike = all.filter((s) => ['ts', 'typescript', 'js', 'javascript', 'tsx'].includes(s.lang));
const python = all.filter((s) => ['py', 'python'].includes(s.lang));

describe('TypeScript and JavaScript snippets parse', () => {
	test.each(tsLike.map((s) => [`${s.file}:${s.line}`, s] as const))('%s', (_where, s) => {
		const r = ts.transpileModule(s.code, {
			reportDiagnostics: true,
			fileName: s.lang === 'tsx' ? 'x.tsx' : 'x.ts',
			compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext },
		});
		const errors = (r.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
		expect(errors).toEqual([]);
	});
});

const hasPython = spawnSync('python3', ['--version']).status === 0;
describe.skipIf(!hasPython)('Python snippets parse (python3 ast)', () => {
	test(`all ${python.length} Python snippets`, () => {
		const script =
			'import ast, json, sys\nout = []\nfor s in json.load(sys.stdin):\n    try:\n        ast.parse(s["code"])\n    except SyntaxError as e:\n        out.append(f"{s[\'where\']}: line {e.lineno}: {e.msg}")\nprint(json.dumps(out))';
		const r = spawnSync('python3', ['-c', script], {
			input: JSON.stringify(python.map((s) => ({ where: `${s.file}:${s.line}`, code: s.code }))),
			encoding: 'utf8',
		});
		expect(r.status, r.stderr).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual([]);
	});
});

test('the lessons contain code to check', () => {
	expect(tsLike.length + python.length).toBeGreaterThan(10);
});
