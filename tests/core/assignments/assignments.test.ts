import { describe, expect, test } from 'vitest';
import {
	assignmentStatus,
	isPastDue,
	localDay,
	resolveItems,
} from '../../../src/core/assignments/assignments.ts';
import { checkCatalog, formatProblems } from '../../../src/core/catalog/catalog.ts';
import { qrShape } from '../../../src/core/certificates/qr.ts';
import { decodeImport, encodeExport } from '../../../src/core/progress/codec.ts';
import {
	MAX_ASSIGNMENTS,
	mergeProgress,
	type ProgressData,
	ProgressDataSchema,
	type StoredAssignment,
	withAssignment,
} from '../../../src/core/progress/progress.ts';
import { emptyProgress } from '../../../src/core/progress/stats.ts';
import { createProgressStore, PROGRESS_KEY } from '../../../src/core/progress/store.ts';
import { AssignmentFileSchema, AssignmentSpecSchema } from '../../../src/schemas/assignment.ts';
import { ModuleSchema } from '../../../src/schemas/module.ts';
import { LearningPathSchema } from '../../../src/schemas/path.ts';
import { PrincipleSchema } from '../../../src/schemas/principle.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validCatalogInput } from '../../fixtures/content.ts';
import { memoryStorage } from '../../fixtures/storage.ts';
import { attempt, catalog } from '../../fixtures/teams.ts';

const given = (title: string, due?: string): Omit<StoredAssignment, 'addedAt'> => ({
	assignment: { title, ...(due ? { due } : {}), items: [{ module: 'm1' }] },
	source: 'link',
});

describe('resolving an assignment against the catalog', () => {
	test('paths keep their order, principles bring their module, duplicates go, unknowns are listed', () => {
		const r = resolveItems(
			[
				{ path: 'dev' },
				{ principle: 1 },
				{ module: 'm2' },
				{ module: 'm3' },
				{ path: 'gone' },
				{ module: 'old' },
			],
			catalog,
		);
		expect(r.modules.map((m) => m.id)).toEqual(['m3', 'm1', 'm2']);
		expect(r.items.map((i) => [i.label, i.moduleIds, i.known])).toEqual([
			['Learning path: Developer', ['m3', 'm1'], true],
			['Principle 1: Raise awareness', ['m1'], true],
			['Module: Module two', ['m2'], true],
			['Module: Module three', ['m3'], true],
			['Learning path “gone”', [], false],
			['Module “old”', [], false],
		]);
		expect(r.unknown).toEqual([
			'Learning path “gone” is not published on this site',
			'Module “old” is not published on this site',
		]);
	});

	test('status: completion by passed assessment, overdue only after the due day and while unfinished', () => {
		const spec = { title: 'T', due: '2026-11-30', items: [{ path: 'dev' }] };
		const none = assignmentStatus(emptyProgress(), spec, catalog, '2026-11-30');
		expect(none).toMatchObject({ completed: 0, total: 2, overdue: false, done: false });
		expect(none.next?.id).toBe('m3');
		expect(assignmentStatus(emptyProgress(), spec, catalog, '2026-12-01').overdue).toBe(true);
		const data: ProgressData = {
			...emptyProgress(),
			attempts: [attempt('q1', '2026-11-20T10:00:00.000Z'), attempt('q3', '2026-11-20T11:00:00.000Z')],
		};
		const done = assignmentStatus(data, spec, catalog, '2027-01-01');
		expect(done).toMatchObject({ completed: 2, total: 2, overdue: false, done: true, next: undefined });
		expect(
			assignmentStatus(emptyProgress(), { ...spec, due: undefined }, catalog, '2099-01-01').overdue,
		).toBe(false);
	});

	test('days are compared as calendar days in local time', () => {
		expect(isPastDue('2026-11-30', '2026-11-30')).toBe(false);
		expect(isPastDue('2026-11-30', '2026-12-01')).toBe(true);
		expect(isPastDue(undefined, '2026-12-01')).toBe(false);
		expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});

describe('assignment and path schemas', () => {
	test('due dates: a quoted day is read as it is; impossible days and unquoted YAML timestamps are refused', () => {
		const base = { id: 'x', title: 'T', items: [{ module: 'm1' }] };
		expect(AssignmentFileSchema.parse({ ...base, due: '2027-03-31' }).due).toBe('2027-03-31');
		for (const due of ['31/03/2027', '2027-02-30', '2027-3-31', '']) {
			expect(AssignmentFileSchema.safeParse({ ...base, due }).error?.issues[0]?.message).toMatch(
				/looks like 2027-03-31/,
			);
		}
		// YAML turns an unquoted 2027-02-30 into 2 March: a Date is refused, with the fix.
		const yamlDate = AssignmentFileSchema.safeParse({ ...base, due: new Date('2027-03-02T00:00:00Z') });
		expect(yamlDate.error?.issues[0]?.message).toMatch(
			/write the due date in quotes, e.g. due: "2027-03-31"/,
		);
	});

	test('items: one kind each, no repeats, within limits; notes keep line breaks but not control characters', () => {
		const parse = (over: object) =>
			AssignmentSpecSchema.safeParse({ title: 'T', items: [{ module: 'm1' }], ...over });
		expect(parse({ items: [{ module: 'm1', path: 'dev' }] }).success).toBe(false);
		expect(parse({ items: [{ principle: 14 }] }).success).toBe(false);
		expect(
			parse({ items: Array.from({ length: 61 }, (_, i) => ({ module: `m${i}` })) }).error?.issues[0]?.message,
		).toMatch(/at most 60/);
		expect(parse({ note: 'Line one\nLine two' }).success).toBe(true);
		expect(parse({ note: 'Bell\u0007' }).success).toBe(false);
		expect(parse({ title: 'x'.repeat(121) }).success).toBe(false);
		expect(parse({ extra: true }).success).toBe(false);
	});

	test('a path needs two distinct steps, each citing distinct provisions', () => {
		const step = { module: 'm1', why: 'Because.', provisions: ['1.1'] };
		const base = { id: 'p', title: 'P', summary: 'S', roles: ['developers'], order: 1 };
		expect(LearningPathSchema.safeParse({ ...base, steps: [step] }).success).toBe(false);
		const dup = LearningPathSchema.safeParse({ ...base, steps: [step, step] });
		expect(dup.error?.issues[0]?.message).toMatch(/module "m1" repeats item 1/);
		const noCite = LearningPathSchema.safeParse({
			...base,
			steps: [step, { ...step, module: 'm2', provisions: [] }],
		});
		expect(noCite.error?.issues[0]?.message).toMatch(/cite at least one provision/);
		expect(
			LearningPathSchema.safeParse({ ...base, roles: ['managers'], steps: [step, { ...step, module: 'm2' }] })
				.success,
		).toBe(false);
	});
});

describe('cross-file checks for paths and assignment files', () => {
	const parse = {
		principle: (raw: unknown) => PrincipleSchema.parse(raw),
		module: (raw: unknown) => ModuleSchema.parse(raw),
		quiz: (raw: unknown) => QuizSchema.parse(raw),
	};
	// The fixture's provision 1.1 names organisations, 1.1.1 developers; demo-module teaches 1.1 only.
	const path = (steps: unknown[], roles = ['organisations']) =>
		LearningPathSchema.parse({ id: 'dev', title: 'Dev', summary: 'S', roles, order: 1, steps });
	const step = (module: string, provisions: string[]) => ({ module, why: 'Because.', provisions });

	test('a consistent path and assignment pass', () => {
		const input = {
			...validCatalogInput(parse),
			paths: [
				{
					file: 'content/paths/dev.yaml',
					data: path([step('demo-module', ['1.1']), step('demo-module-2', ['1.1'])]),
				},
			],
		};
		input.modules.push({
			file: 'content/modules/demo2.mdx',
			data: parse.module({
				...(input.modules[0]?.data as object),
				id: 'demo-module-2',
				quiz: undefined,
				reviewed: { on: '2026-11-23', against: ['code-of-practice-2025'] },
			}),
		});
		const assignments = [
			{
				file: 'content/assignments/a.yaml',
				data: AssignmentFileSchema.parse({
					id: 'a',
					title: 'A',
					items: [{ path: 'dev' }, { principle: 1 }, { module: 'demo-module' }],
				}),
			},
		];
		const problems = checkCatalog({ ...input, assignments });
		expect(problems, formatProblems(problems)).toEqual([]);
	});

	test('unknown module, unknown provision, provision not naming the role, provision not taught', () => {
		const input = {
			...validCatalogInput(parse),
			paths: [
				{
					file: 'content/paths/dev.yaml',
					data: path([step('nope', ['1.1']), step('demo-module', ['1.3', '1.1.1', '2.1'])]),
				},
			],
		};
		const problems = checkCatalog(input).map((p) => `${p.file} → ${p.field}: ${p.message} | ${p.fix}`);
		expect(problems).toEqual([
			expect.stringMatching(
				/^content\/paths\/dev\.yaml → steps\[0\]\.module: no module has id "nope" \| use the id/,
			),
			expect.stringMatching(/steps\[1\]\.provisions\[0\]: provision 1\.3 is not in the published Code/),
			expect.stringMatching(
				/steps\[1\]\.provisions\[1\]: provision 1\.1\.1 names developers, none of this path's roles \(organisations\) \| cite a provision whose `who`/,
			),
			expect.stringMatching(
				/steps\[1\]\.provisions\[1\]: module "demo-module" \(content\/modules\/demo\.mdx\) does not teach provision 1\.1\.1 \| cite one of the module's provisions \(1\.1\)/,
			),
			expect.stringMatching(
				/steps\[1\]\.provisions\[2\]: module "demo-module" .* does not teach provision 2\.1/,
			),
		]);
	});

	test('assignment files: unknown path, unknown module, principle without modules, duplicate ids', () => {
		const a = (id: string, items: unknown[]) => ({
			file: `content/assignments/${id}.yaml`,
			data: AssignmentFileSchema.parse({ id, title: 'A', items }),
		});
		const problems = checkCatalog({
			...validCatalogInput(parse),
			assignments: [
				a('x', [{ path: 'nope' }, { module: 'gone' }, { principle: 7 }]),
				{ ...a('x', [{ module: 'demo-module' }]), file: 'content/assignments/y.yaml' },
			],
		});
		expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
			'content/assignments/x.yaml items[0].path: no learning path has id "nope"',
			'content/assignments/x.yaml items[1].module: no module has id "gone"',
			'content/assignments/x.yaml items[2].principle: principle 7 has no module in the principles track yet',
			'content/assignments/y.yaml id: assignment id "x" is also used by content/assignments/x.yaml',
		]);
	});
});

describe('progress keeps the chosen path and assignments', () => {
	let tick = 0;
	const now = () => new Date(Date.UTC(2026, 10, 23, 10, 0, tick++)).toISOString();

	test('records without the new fields stay valid; the new fields validate', () => {
		expect(ProgressDataSchema.safeParse({ attempts: [], modules: {} }).success).toBe(true);
		const ok = { attempts: [], modules: {}, path: { id: 'developer', chosenAt: '2026-11-23T10:00:00.000Z' } };
		expect(ProgressDataSchema.safeParse(ok).success).toBe(true);
		expect(ProgressDataSchema.safeParse({ ...ok, path: { id: 'Not An Id', chosenAt: 'x' } }).success).toBe(
			false,
		);
		const many = Object.fromEntries(
			Array.from({ length: MAX_ASSIGNMENTS + 1 }, (_, i) => [
				`link-${i}`,
				{ ...given(`A${i}`), addedAt: '2026-11-23T10:00:00.000Z' },
			]),
		);
		expect(
			ProgressDataSchema.safeParse({ attempts: [], modules: {}, assignments: many }).error?.issues[0]
				?.message,
		).toMatch(/more than 200 assignments/);
	});

	test('merging is lossless: assignments united with the earlier date, the path here wins', () => {
		const a: ProgressData = {
			...emptyProgress(),
			path: { id: 'developer', chosenAt: '2026-11-20T00:00:00.000Z' },
			assignments: { 'link-a': { ...given('A'), addedAt: '2026-11-22T00:00:00.000Z' } },
		};
		const b: ProgressData = {
			...emptyProgress(),
			path: { id: 'manager', chosenAt: '2026-11-21T00:00:00.000Z' },
			assignments: {
				'link-a': { ...given('A'), addedAt: '2026-11-01T00:00:00.000Z' },
				'site-b': { ...given('B'), source: 'site', addedAt: '2026-11-02T00:00:00.000Z' },
			},
		};
		const m = mergeProgress(a, b);
		expect(m.path?.id).toBe('developer');
		expect(Object.keys(m.assignments ?? {}).sort()).toEqual(['link-a', 'site-b']);
		expect(m.assignments?.['link-a']?.addedAt).toBe('2026-11-01T00:00:00.000Z');
		expect(mergeProgress(emptyProgress(), b).path?.id).toBe('manager');
		expect(mergeProgress(emptyProgress(), emptyProgress())).toEqual(emptyProgress());
		expect(ProgressDataSchema.parse(m)).toEqual(m);
	});

	test('the store adds, keeps, removes; the path is chosen and cleared; reset keeps both', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		store.addAssignment('link-abc', given('Q1', '2027-01-31'));
		const first = store.getSnapshot().data.assignments?.['link-abc'];
		expect(first).toMatchObject({ source: 'link', assignment: { title: 'Q1', due: '2027-01-31' } });
		store.addAssignment('link-abc', given('Q1', '2027-01-31'));
		expect(store.getSnapshot().data.assignments?.['link-abc']?.addedAt).toBe(first?.addedAt);
		store.choosePath('developer');
		store.recordAttempt(attempt('q1', '2026-11-23T10:00:00.000Z'));
		store.resetAll();
		const after = createProgressStore({ storage, now }).getSnapshot().data;
		expect(after.attempts).toEqual([]);
		expect(after.path?.id).toBe('developer');
		expect(Object.keys(after.assignments ?? {})).toEqual(['link-abc']);
		store.removeAssignment('link-abc');
		store.choosePath(undefined);
		const stored = JSON.parse(storage.map.get(PROGRESS_KEY) ?? '{}').data;
		expect(stored.assignments).toEqual({});
		expect(stored.path).toBeUndefined();
	});

	test('an invalid assignment or one past the limit is refused before anything is written', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		expect(() =>
			store.addAssignment('link-x', { assignment: { title: '', items: [] }, source: 'link' }),
		).toThrow();
		expect(storage.map.has(PROGRESS_KEY)).toBe(false);
		const full: ProgressData = {
			...emptyProgress(),
			assignments: Object.fromEntries(
				Array.from({ length: MAX_ASSIGNMENTS }, (_, i) => [
					`link-${i}`,
					{ ...given(`A${i}`), addedAt: now() },
				]),
			),
		};
		expect(() => withAssignment(full, 'link-new', given('New'), now())).toThrow(
			/remove one you have finished/,
		);
	});

	test('an export with assignments imports into a fresh browser', () => {
		const data: ProgressData = {
			...emptyProgress(),
			path: { id: 'developer', chosenAt: '2026-11-20T00:00:00.000Z' },
			assignments: { 'link-a': { ...given('A'), addedAt: '2026-11-22T00:00:00.000Z' } },
		};
		const r = decodeImport(encodeExport(data, '2026.11.1', '2026-11-23T00:00:00.000Z'));
		expect(r.ok && r.data).toEqual(data);
	});
});

describe('QR codes for the printable sheet', () => {
	test('a link becomes a square of modules with the finder pattern after a four-module quiet zone', () => {
		const shape = qrShape('https://academy.example.org/assignments/open/#a=abcdefghijklmnop');
		expect(shape?.size).toBeGreaterThanOrEqual(21 + 8);
		// A QR code of version v is 17 + 4v modules wide; the quiet zone adds 4 on each side.
		expect(((shape?.size ?? 0) - 8 - 17) % 4).toBe(0);
		// Top-left finder pattern: its outer ring starts at (4, 4).
		for (const [x, y] of [
			[4, 4],
			[10, 4],
			[4, 10],
			[10, 10],
		])
			expect(shape?.d).toContain(`M${x} ${y}h1v1h-1z`);
		expect(shape?.d).not.toContain('M3 3h1');
		expect(qrShape('x'.repeat(5000))).toBeUndefined();
	});
});
