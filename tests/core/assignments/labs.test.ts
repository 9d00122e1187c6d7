/**
 * Labs in learning paths and assignments: the one function that gives a module's labs, the labs of
 * several modules, an assignment's labs resolved with the learner's status (never changing what
 * completes it), the optional `labs` field of the schema, and the catalog check of assignment files.
 */
import { describe, expect, test } from 'vitest';
import {
	type AssignmentCatalog,
	type AssignmentLab,
	assignmentStatus,
	labsOfModules,
	labsProgress,
	resolveItems,
} from '../../../src/core/assignments/assignments.ts';
import { checkCatalog } from '../../../src/core/catalog/catalog.ts';
import { labsOfModule } from '../../../src/core/catalog/projections.ts';
import { checkAssignmentLabs } from '../../../src/core/catalog/teams.ts';
import type { LabPass } from '../../../src/core/labs/progress.ts';
import { type ProgressData, ProgressDataSchema } from '../../../src/core/progress/progress.ts';
import { emptyProgress } from '../../../src/core/progress/stats.ts';
import { loadLabs } from '../../../src/lib/labs.ts';
import { AssignmentFileSchema, AssignmentSpecSchema } from '../../../src/schemas/assignment.ts';
import { ModuleSchema } from '../../../src/schemas/module.ts';
import { PrincipleSchema } from '../../../src/schemas/principle.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validCatalogInput } from '../../fixtures/content.ts';
import { attempt, catalog as teamCatalog } from '../../fixtures/teams.ts';

const lab = (id: string, module: string, revision = 1): AssignmentLab => ({
	id,
	title: `Lab ${id}`,
	module,
	level: 'practitioner',
	minutes: 20,
	revision,
	url: `/labs/${id}/`,
});
const catalog: AssignmentCatalog = {
	...teamCatalog,
	labs: [lab('l1', 'm1'), lab('l3', 'm3', 2), lab('l1b', 'm1'), lab('lx', 'elsewhere')],
};

const pass = (over: Partial<LabPass> = {}): LabPass => ({
	at: '2026-12-01T10:00:00.000Z',
	revision: 1,
	code: 'function f() {}',
	digest: 'a'.repeat(64),
	seed: 's1',
	solutionShown: false,
	...over,
});

describe('the labs of a module (one function for every view)', () => {
	const root = new URL('../../..', import.meta.url).pathname;
	const labs = loadLabs(root).labs.map((l) => l.data);

	test('gives id, title, level, minutes, revision and the URL under the base path, in lab order', () => {
		const labs = [
			{ id: 'b', title: 'B', summary: 'S', module: 'm1', level: 'expert', minutes: 30, revision: 3 },
			{ id: 'a', title: 'A', summary: 'S', module: 'm2', level: 'apprentice', minutes: 10, revision: 1 },
			{ id: 'c', title: 'C', summary: 'S', module: 'm1', level: 'apprentice', minutes: 15, revision: 1 },
		] as const;
		expect(labsOfModule(labs, 'm1', '/academy/')).toEqual([
			{
				id: 'b',
				title: 'B',
				summary: 'S',
				module: 'm1',
				level: 'expert',
				minutes: 30,
				revision: 3,
				url: '/academy/labs/b/',
			},
			{
				id: 'c',
				title: 'C',
				summary: 'S',
				module: 'm1',
				level: 'apprentice',
				minutes: 15,
				revision: 1,
				url: '/academy/labs/c/',
			},
		]);
		expect(labsOfModule(labs, 'no-such-module', '/')).toEqual([]);
	});

	test('the content: every lab is listed under its own module and no other', () => {
		expect(labs.length).toBeGreaterThan(0);
		for (const l of labs) {
			expect(labsOfModule(labs, l.module, '/').map((x) => x.id)).toContain(l.id);
			expect(labsOfModule(labs, `${l.module}-other`, '/').map((x) => x.id)).not.toContain(l.id);
		}
	});

	test('the labs of several modules: module order, then lab order, each module once', () => {
		expect(labsOfModules(catalog, ['m3', 'm1', 'm3']).map((l) => l.id)).toEqual(['l3', 'l1', 'l1b']);
		expect(labsOfModules(catalog, ['m2'])).toEqual([]);
		expect(labsOfModules({}, ['m1'])).toEqual([]);
	});
});

describe('labs in an assignment', () => {
	test('resolved in the order given; labs this site does not publish are listed, not guessed', () => {
		const r = resolveItems([{ module: 'm2' }], catalog, ['l3', 'gone', 'l1']);
		expect(r.labs.map((l) => l.id)).toEqual(['l3', 'l1']);
		expect(r.unknown).toEqual(['Lab “gone” is not published on this site']);
		expect(resolveItems([{ module: 'm2' }], catalog).labs).toEqual([]);
	});

	test('each lab carries the learner status; only current-revision passes count as completed', () => {
		const data: ProgressData = {
			...emptyProgress(),
			labs: {
				l1: { failedRuns: 0, passes: [pass()] },
				l1b: { failedRuns: 0, passes: [pass({ solutionShown: true })] },
				// l3 is at revision 2: a revision-1 pass is "on an earlier version", not completed.
				l3: { failedRuns: 1, passes: [pass()] },
				lx: { failedRuns: 2, passes: [] },
			},
		};
		const p = labsProgress(data, catalog.labs ?? []);
		expect(p.labs.map((l) => [l.lab.id, l.status])).toEqual([
			['l1', 'passed'],
			['l3', 'passed-older-revision'],
			['l1b', 'passed-with-solution'],
			['lx', 'in-progress'],
		]);
		expect(p).toMatchObject({ completed: 2, total: 4 });
		expect(
			labsProgress(emptyProgress(), catalog.labs ?? []).labs.every((l) => l.status === 'not-started'),
		).toBe(true);
	});

	test('labs are shown but do not change whether the assignment is done', () => {
		const spec = { title: 'T', items: [{ module: 'm1' }], labs: ['l1'] };
		const data: ProgressData = { ...emptyProgress(), attempts: [attempt('q1', '2026-11-20T10:00:00.000Z')] };
		const s = assignmentStatus(data, spec, catalog, '2026-12-01');
		expect(s).toMatchObject({ done: true, completed: 1, total: 1 });
		expect(s.labs).toMatchObject({ completed: 0, total: 1 });
		expect(s.labs.labs[0]?.status).toBe('not-started');
	});
});

describe('the `labs` field of assignments', () => {
	const parse = (over: object) =>
		AssignmentSpecSchema.safeParse({ title: 'T', items: [{ module: 'm1' }], ...over });
	const message = (over: object) => parse(over).error?.issues[0];

	test('optional; a list of distinct lab ids', () => {
		expect(parse({}).success).toBe(true);
		expect(parse({ labs: ['l1', 'l2'] }).data?.labs).toEqual(['l1', 'l2']);
	});

	test('bad input is refused with the field and the fix', () => {
		expect(message({ labs: [] })).toMatchObject({
			path: ['labs'],
			message: expect.stringMatching(/leave out `labs`/),
		});
		expect(message({ labs: 'l1' })?.path).toEqual(['labs']);
		expect(message({ labs: ['L 1'] })).toMatchObject({
			path: ['labs', 0],
			message: expect.stringMatching(/lower-case/),
		});
		expect(message({ labs: [true] })?.path).toEqual(['labs', 0]);
		expect(message({ labs: ['l1', 'l2', 'l1'] })).toMatchObject({
			path: ['labs', 2],
			message: expect.stringMatching(/lab "l1" repeats item 1/),
		});
		expect(message({ labs: Array.from({ length: 101 }, (_, i) => `l${i}`) })?.message).toMatch(
			/at most 100 labs/,
		);
		expect(
			AssignmentFileSchema.safeParse({ id: 'a', title: 'T', items: [{ module: 'm1' }], labs: [''] }).success,
		).toBe(false);
	});

	test('progress records holding an assignment with or without labs stay valid', () => {
		const stored = (assignment: object) => ({
			...emptyProgress(),
			assignments: { 'site-a': { assignment, source: 'site', addedAt: '2026-12-01T10:00:00.000Z' } },
		});
		expect(ProgressDataSchema.safeParse(stored({ title: 'T', items: [{ module: 'm1' }] })).success).toBe(
			true,
		);
		expect(
			ProgressDataSchema.safeParse(stored({ title: 'T', items: [{ module: 'm1' }], labs: ['l1'] })).success,
		).toBe(true);
		expect(
			ProgressDataSchema.safeParse(stored({ title: 'T', items: [{ module: 'm1' }], labs: ['l1', 'l1'] }))
				.success,
		).toBe(false);
	});
});

describe('assignment files naming labs (catalog check)', () => {
	const parse = {
		principle: (raw: unknown) => PrincipleSchema.parse(raw),
		module: (raw: unknown) => ModuleSchema.parse(raw),
		quiz: (raw: unknown) => QuizSchema.parse(raw),
	};
	const file = (labs: string[]) => ({
		file: 'content/assignments/a.yaml',
		data: AssignmentFileSchema.parse({ id: 'a', title: 'A', items: [{ module: 'demo-module' }], labs }),
	});

	test('an unknown lab id names the file, the field and the labs to choose from', () => {
		const problems = checkCatalog({
			...validCatalogInput(parse),
			assignments: [file(['real-lab', 'no-such-lab'])],
			labs: [{ file: 'content/labs/real-lab/lab.yaml', data: { id: 'real-lab' } }],
		});
		expect(problems.map((p) => `${p.file} ${p.field}: ${p.message} | ${p.fix}`)).toEqual([
			'content/assignments/a.yaml labs[1]: no lab has id "no-such-lab" | use a lab\'s folder name in content/labs/: real-lab',
		]);
	});

	test('known labs pass; without loaded labs the check is left to the build (lab-catalog.ts)', () => {
		expect(checkAssignmentLabs([file(['real-lab'])], ['real-lab'])).toEqual([]);
		expect(checkCatalog({ ...validCatalogInput(parse), assignments: [file(['no-such-lab'])] })).toEqual([]);
		expect(checkAssignmentLabs([file(['x'])], [])[0]?.fix).toMatch(/\(no labs yet\)/);
	});
});
