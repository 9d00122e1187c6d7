/**
 * A broken content file must fail the real build with a message naming the file, the field and
 * the fix. Each case copies the project to a temporary folder, adds one broken file, and builds.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { copyProject, removeDir, runAstro } from '../../scripts/lib/temp-project.ts';

const made: string[] = [];

function buildWith(files: Record<string, string>): { status: number | null; output: string } {
	const dir = copyProject('saa-broken-', files);
	made.push(dir);
	return runAstro(dir, ['build', '--silent']);
}

afterAll(() => {
	for (const dir of made) removeDir(dir);
});

const quiz = (body: string) => `id: zz-broken\nrevision: 1\ntitle: Broken\nmodule: p01-awareness\n${body}`;
const moduleFile = (frontmatter: string, body = 'Text.') =>
	`---\nid: zz-broken\ntitle: Broken\nsummary: A broken module.\ntrack: secure-coding\nroles: [developers]\nlevel: foundation\nminutes: 5\nobjectives: [One, Two]\norder: 99\nreviewed: { on: 2026-11-23, against: [code-of-practice-2025] }\nincidents: [echoleak]\n${frontmatter}---\n\n${body}\n`;

describe('the build stops on broken content and says where and how to fix it', () => {
	test('a quiz question with two correct answers', () => {
		const { status, output } = buildWith({
			'quizzes/zz-broken.yaml': quiz(
				`questions:\n  - type: single\n    id: q1\n    prompt: Pick one\n    options:\n      - { id: a, text: A, correct: true, explanation: x }\n      - { id: b, text: B, correct: true, explanation: y }\n`,
			),
		});
		expect(status).not.toBe(0);
		expect(output).toContain('quizzes/zz-broken.yaml');
		expect(output).toContain('questions.0.options');
		expect(output).toContain(
			'exactly one option with correct: true (found 2); use type: multiple for several',
		);
	});

	test('a quiz file whose YAML is malformed', () => {
		const { status, output } = buildWith({
			'quizzes/zz-broken.yaml': 'id: zz-broken\n  revision: : 1\n- nope',
		});
		expect(status).not.toBe(0);
		expect(output).toContain('zz-broken.yaml');
	});

	test('a quiz file without an id', () => {
		const { status, output } = buildWith({ 'quizzes/zz-broken.yaml': 'revision: 1\ntitle: No id\n' });
		expect(status).not.toBe(0);
		expect(output).toContain('quizzes/zz-broken.yaml: the field `id` is missing or empty');
	});

	test('a module citing a provision numbered as in the 2024 draft', () => {
		const { status, output } = buildWith({
			'content/modules/zz-broken.mdx': moduleFile('provisions: ["1.3.1"]\n'),
		});
		expect(status).not.toBe(0);
		expect(output).toContain(
			'content/modules/zz-broken.mdx → provisions[0]: provision 1.3.1 is not in the published Code of Practice',
		);
		expect(output).toContain('Fix: use an id listed in content/principles/');
	});

	test('a <Provision> chip in lesson text with an unknown id', () => {
		const { status, output } = buildWith({
			'content/modules/zz-broken.mdx': moduleFile('', 'See <Provision id="1.4" /> for details.'),
		});
		expect(status).not.toBe(0);
		expect(output).toContain('<Provision id="1.4" />');
		expect(output).toContain('provision 1.4 is not in the published Code of Practice');
	});

	test('a module frontmatter with an unknown role', () => {
		const { status, output } = buildWith({
			'content/modules/zz-broken.mdx': moduleFile('').replace('roles: [developers]', 'roles: [hackers]'),
		});
		expect(status).not.toBe(0);
		expect(output).toContain('zz-broken');
		expect(output).toContain('unknown role "hackers"');
	});

	test('a module citing an incident that does not exist', () => {
		const { status, output } = buildWith({
			'content/modules/zz-broken.mdx': moduleFile('').replace(
				'incidents: [echoleak]',
				'incidents: [echo-leak]',
			),
		});
		expect(status).not.toBe(0);
		expect(output).toContain('zz-broken.mdx → incidents[0]: no incident has id "echo-leak"');
		expect(output).toContain('add the incident to content/incidents.yaml');
	});

	test('a learning path citing a provision that does not name its role', () => {
		const { status, output } = buildWith({
			'content/paths/zz-broken.yaml': `id: zz-broken\ntitle: Broken\nsummary: A broken path.\nroles: [data-custodians]\norder: 9\nsteps:\n  - module: p01-awareness\n    why: Because.\n    provisions: ["1.1"]\n  - module: zz-missing\n    why: Because.\n    provisions: ["5.1"]\n`,
		});
		expect(status).not.toBe(0);
		expect(output).toContain(
			"content/paths/zz-broken.yaml → steps[0].provisions[0]: provision 1.1 names organisations, none of this path's roles (data-custodians)",
		);
		expect(output).toContain('Fix: cite a provision whose `who` includes one of the path roles');
		expect(output).toContain('content/paths/zz-broken.yaml → steps[1].module: no module has id "zz-missing"');
	});

	test('an assignment file naming a path that does not exist', () => {
		const { status, output } = buildWith({
			'content/assignments/zz-broken.yaml': 'id: zz-broken\ntitle: Broken\nitems:\n  - path: zz-nope\n',
		});
		expect(status).not.toBe(0);
		expect(output).toContain(
			'content/assignments/zz-broken.yaml → items[0].path: no learning path has id "zz-nope"',
		);
		expect(output).toContain('Fix: use one of: developer, system-operator, data-custodian, manager');
	});

	test('an assignment file with an unquoted due date (YAML would shift 2027-02-30 to 2 March)', () => {
		const { status, output } = buildWith({
			'content/assignments/zz-broken.yaml':
				'id: zz-broken\ntitle: Broken\ndue: 2027-02-30\nitems:\n  - module: p01-awareness\n',
		});
		expect(status).not.toBe(0);
		expect(output).toContain('zz-broken');
		expect(output).toContain('write the due date in quotes, e.g. due: "2027-03-31"');
	});

	test('an assignment file naming a lab that does not exist', () => {
		const { status, output } = buildWith({
			'content/assignments/zz-broken.yaml':
				'id: zz-broken\ntitle: Broken\nitems:\n  - module: p01-awareness\nlabs:\n  - zz-no-such-lab\n',
		});
		expect(status).not.toBe(0);
		expect(output).toContain('content/assignments/zz-broken.yaml → labs[0]: no lab has id "zz-no-such-lab"');
		expect(output).toContain("Fix: use a lab's folder name in content/labs/: markdown-image-exfiltration,");
	});

	// Labs are checked when the first page that lists them renders, later than the collections.
	test('a lab naming a module that does not exist, with a missing reference solution', () => {
		const lab = (l: string) => `content/labs/zz-broken/${l}`;
		const { status, output } = buildWith({
			[lab('lab.yaml')]:
				'id: zz-broken\nrevision: 1\ntitle: Broken\nsummary: A broken lab.\nmodule: no-such-module\norder: 99\nlevel: apprentice\nlanguage: javascript\nstory: S.\ntask: T.\nentry: f\nhints: [H]\nminutes: 5\n',
			[lab('starter.js')]: 'function f(x) { return x; }\n',
			[lab('functional.yaml')]:
				'cases:\n  - { id: a, title: A, story: S, input: { args: [1] }, expect: [{ at: result, equals: 1 }] }\n',
			[lab('attacks.yaml')]:
				'cases:\n  - { id: b, title: B, story: S, impact: I, input: { args: [2] }, expect: [{ at: result, equals: 2 }] }\n',
		});
		expect(status).not.toBe(0);
		expect(output).toContain(
			'content/labs/zz-broken/lab.yaml → module: no module has the id "no-such-module"',
		);
		expect(output).toContain('Fix: use the id from a module frontmatter in content/modules/');
		expect(output).toContain('content/labs/zz-broken/reference.js → (file): the file is missing');
	}, 180_000);

	test('control: the same copy with a valid extra quiz builds', () => {
		const { status, output } = buildWith({
			'content/modules/zz-ok.mdx': moduleFile('quiz: zz-ok\n').replace('id: zz-broken', 'id: zz-ok'),
			'quizzes/zz-ok.yaml': `id: zz-ok\nrevision: 1\ntitle: OK\nmodule: zz-ok\nquestions:\n  - type: true-false\n    id: q1\n    prompt: Sky is blue.\n    answer: true\n    ifTrue: Yes.\n    ifFalse: It is.\n`,
		});
		expect(output).not.toMatch(/error/i);
		expect(status).toBe(0);
	});
});

describe('the build stops on a broken configuration', () => {
	test('an accent colour with too little contrast names the file, field and fix', () => {
		const { status, output } = buildWith({ 'academy.config.yaml': 'theme:\n  accent: "#ffee00"\n' });
		expect(status).not.toBe(0);
		expect(output).toContain('academy.config.yaml has 1 problem');
		expect(output).toContain('theme.accent: accent #ffee00 has a contrast of');
		expect(output).toContain('pick a darker shade');
	});

	test('an LRS endpoint over plain http with a password in it names the file, fields and fixes', () => {
		const { status, output } = buildWith({
			'academy.config.yaml': 'lrs:\n  endpoint: http://writer:pw@lrs.example.org/xapi\n',
		});
		expect(status).not.toBe(0);
		expect(output).toContain('academy.config.yaml has 3 problems');
		expect(output).toContain('lrs.endpoint: lrs.endpoint must use https://');
		expect(output).toContain('must not contain a user name or password');
		expect(output).toContain('see lrs.publicWriteKey');
		expect(output).toContain('lrs.endpoint must end with "/"');
	});
});
