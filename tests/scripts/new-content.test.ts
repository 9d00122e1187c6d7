/**
 * `npm run new`: each skeleton passes the same checks as `npm run validate`, explains every field
 * in place, and a bad or taken id (or track, or module) is refused with a plain message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createSkeleton, type NewOptions, UsageError } from '../../scripts/lib/new-content.ts';
import { formatProblems } from '../../src/core/catalog/catalog.ts';
import { frontmatterOf, loadContent } from '../../src/lib/content-files.ts';
import { ModuleSchema } from '../../src/schemas/module.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
let opts: NewOptions;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'academy-new-'));
	cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
	cpSync(join(ROOT, 'quizzes'), join(dir, 'quizzes'), { recursive: true });
	opts = { root: dir, today: '2026-12-07' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const problems = () => formatProblems(loadContent(dir).problems);
const valid = () => expect(loadContent(dir).problems, problems()).toEqual([]);
const refused = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(UsageError);
		return (e as Error).message;
	}
	throw new Error('expected a refusal');
};

/** Top-level keys that have no comment line somewhere above them since the previous key. */
function unexplained(yamlText: string): string[] {
	const missing: string[] = [];
	let commented = false;
	for (const line of yamlText.split('\n')) {
		if (/^#/.test(line)) commented = true;
		const key = /^([a-zA-Z]+):/.exec(line)?.[1];
		if (key) {
			if (!commented) missing.push(key);
			commented = false;
		}
	}
	return missing;
}

describe('npm run new -- module <id>', () => {
	it('writes a module and its quiz that pass npm run validate, in the chosen track, next in order', () => {
		const w = createSkeleton('module', 'acme-ai-policy', { ...opts, track: 'ml-complexity' });
		expect(w.files).toEqual([
			'content/modules/ml-complexity/acme-ai-policy.mdx',
			'quizzes/acme-ai-policy.yaml',
		]);
		valid();
		const { catalog } = loadContent(dir);
		const mod = catalog.modules.find((m) => m.data.id === 'acme-ai-policy');
		expect(mod?.data).toMatchObject({ track: 'ml-complexity', quiz: 'acme-ai-policy' });
		const others = catalog.modules.filter(
			(m) => m.data.track === 'ml-complexity' && m.data.id !== 'acme-ai-policy',
		);
		expect(mod?.data.order).toBe(Math.max(...others.map((m) => m.data.order)) + 1);
		const quiz = catalog.quizzes.find((q) => q.data.id === 'acme-ai-policy');
		expect(new Set(quiz?.data.questions.map((q) => q.type))).toEqual(
			new Set(['single', 'multiple', 'true-false', 'ordering', 'spot-the-line', 'scenario']),
		);
	});

	it('explains every field in place, in the frontmatter and in the quiz', () => {
		createSkeleton('module', 'acme-ai-policy', opts);
		const mdx = readFileSync(join(dir, 'content/modules/secure-coding/acme-ai-policy.mdx'), 'utf8');
		const fm = frontmatterOf(mdx) ?? '';
		// Every field of the schema is there (optional ones included), each with its comment.
		// (lastReviewed is a retired field the schema keeps only to explain its replacement.)
		const fields = Object.keys(ModuleSchema.shape).filter((k) => k !== 'lastReviewed');
		expect(Object.keys(parseYaml(fm)).sort()).toEqual(fields.sort());
		expect(unexplained(fm)).toEqual([]);
		const quiz = readFileSync(join(dir, 'quizzes/acme-ai-policy.yaml'), 'utf8');
		expect(quiz.split('\n')[0]).toBe('# yaml-language-server: $schema=./quiz.schema.json');
		expect(unexplained(quiz)).toEqual([]);
		expect(mdx).not.toMatch(/\sstyle=/);
	});

	it('defaults to the secure-coding track; --no-quiz leaves the quiz out and still validates', () => {
		const w = createSkeleton('module', 'acme-no-quiz', { ...opts, withQuiz: false });
		expect(w.files).toEqual(['content/modules/secure-coding/acme-no-quiz.mdx']);
		valid();
	});

	it('refuses a bad id, a taken id, an id whose quiz is taken, and an unknown track', () => {
		expect(refused(() => createSkeleton('module', 'Acme Policy', opts))).toMatch(
			/^"Acme Policy" cannot be a module id: an id is lower-case letters and digits joined by hyphens/,
		);
		expect(refused(() => createSkeleton('module', 'a'.repeat(61), opts))).toMatch(/at most 60 characters/);
		expect(refused(() => createSkeleton('module', 'sc11-vector-stores', opts))).toBe(
			'The module id "sc11-vector-stores" is already used by content/modules/secure-coding/sc11-vector-stores.mdx: choose another id.',
		);
		expect(refused(() => createSkeleton('module', 'x', { ...opts, track: 'security' }))).toBe(
			'There is no track "security": use --track with one of principles, ncsc, secure-coding, ml-complexity.',
		);
		expect(refused(() => createSkeleton('module', undefined, opts))).toMatch(/^Give the new module's id/);
		valid();
	});
});

describe('npm run new -- quiz <id>', () => {
	it('writes a quiz for a module without one and names it in the module; both validate', () => {
		createSkeleton('module', 'acme-two', { ...opts, withQuiz: false });
		const w = createSkeleton('quiz', 'acme-two-check', { ...opts, module: 'acme-two' });
		expect(w.files).toEqual(['quizzes/acme-two-check.yaml', 'content/modules/secure-coding/acme-two.mdx']);
		valid();
		const mod = loadContent(dir).catalog.modules.find((m) => m.data.id === 'acme-two');
		expect(mod?.data.quiz).toBe('acme-two-check');
	});

	it('refuses a taken quiz id, an unknown module, and a module that already has a quiz', () => {
		expect(refused(() => createSkeleton('quiz', 'p01-awareness', opts))).toBe(
			'The quiz id "p01-awareness" is already used by quizzes/p01-awareness.yaml: choose another id.',
		);
		expect(refused(() => createSkeleton('quiz', 'orphan', opts))).toMatch(
			/^No module has the id "orphan": a quiz assesses one module\. Create the module first/,
		);
		expect(
			refused(() => createSkeleton('quiz', 'second-quiz', { ...opts, module: 'p01-awareness' })),
		).toMatch(
			/^The module "p01-awareness" \(content\/modules\/principles\/p01-awareness\.mdx\) already has a quiz, "p01-awareness"/,
		);
		valid();
	});
});

describe('the command itself', () => {
	it('refuses a kind it does not know, naming the three it does', () => {
		expect(refused(() => createSkeleton('widget', 'x', opts))).toMatch(
			/\("widget" is not one of module, quiz, lab\.\)$/,
		);
	});

	it('prints the refusal without a stack trace and exits 1', () => {
		const r = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), 'module', 'Bad_Id', '--root', dir], {
			encoding: 'utf8',
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^new: "Bad_Id" cannot be a module id/);
		expect(r.stderr).not.toMatch(/at .*new-content\.ts/);
		const ok = spawnSync(
			process.execPath,
			[join(ROOT, 'scripts/new.ts'), 'module', 'good-id', '--root', dir],
			{
				encoding: 'utf8',
			},
		);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toMatch(
			/^Wrote content\/modules\/secure-coding\/good-id\.mdx, quizzes\/good-id\.yaml\./,
		);
		valid();
	});
});

describe('npm run new -- lab <id> --module <id>', () => {
	it('writes a lab that passes npm run validate and is fair as written (the starter leaks, the reference holds)', async () => {
		const written = createSkeleton('lab', 'escape-the-answer', { ...opts, module: 'sc02-output-handling' });
		expect(written.files.sort()).toEqual(
			['attacks.yaml', 'functional.yaml', 'lab.yaml', 'reference.js', 'starter.js'].map(
				(f) => `content/labs/escape-the-answer/${f}`,
			),
		);
		const { problems } = loadContent(dir);
		expect(formatProblems(problems.filter((p) => p.file.startsWith('content/labs/')))).toBe(
			formatProblems([]),
		);
		expect(unexplained(readFileSync(join(dir, 'content/labs/escape-the-answer/lab.yaml'), 'utf8'))).toEqual(
			[],
		);
		const { loadLabs } = await import('../../src/lib/labs.ts');
		const lab = loadLabs(dir).labs.find((l) => l.data.id === 'escape-the-answer');
		if (!lab) throw new Error('the new lab did not load');
		const { createQuickJsEngine } = await import('../../src/core/labs/quickjs-module.ts');
		const { runLab } = await import('../../src/core/labs/run.ts');
		const engine = await createQuickJsEngine();
		const limits = { deadlineMs: 10_000, memoryBytes: 32 * 1024 * 1024 };
		const starter = await runLab(engine, lab, lab.starter, 'new-lab', limits);
		expect(starter.functional.passed).toBe(starter.functional.total);
		expect(starter.attacks.blocked).toBeLessThan(starter.attacks.total);
		expect((await runLab(engine, lab, lab.reference, 'new-lab', limits)).passed).toBe(true);
	});

	it('needs an existing module and a free id, and says so', () => {
		expect(refused(() => createSkeleton('lab', 'new-lab', opts))).toMatch(
			/^Say which module the lab practises/,
		);
		expect(refused(() => createSkeleton('lab', 'new-lab', { ...opts, module: 'no-such-module' }))).toMatch(
			/^No module has the id "no-such-module"/,
		);
		expect(
			refused(() =>
				createSkeleton('lab', 'markdown-image-exfiltration', { ...opts, module: 'sc02-output-handling' }),
			),
		).toMatch(/content\/labs\/markdown-image-exfiltration already exists/);
	});
});
