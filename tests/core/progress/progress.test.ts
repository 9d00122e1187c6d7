import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	CURRENT_VERSION,
	decodeImport,
	decodeStored,
	encodeExport,
	encodeStored,
	MAX_IMPORT_BYTES,
	migrate,
} from '../../../src/core/progress/codec.ts';
import { buildDashboard } from '../../../src/core/progress/dashboard.ts';
import {
	type Attempt,
	mergeProgress,
	type ProgressData,
	withLearnerName,
	withModuleVisit,
	withoutQuiz,
} from '../../../src/core/progress/progress.ts';
import { emptyProgress, quizStats } from '../../../src/core/progress/stats.ts';

const fixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/progress/${name}`, import.meta.url), 'utf8');

function attempt(over: Partial<Attempt> = {}): Attempt {
	return {
		id: 'a1',
		quizId: 'p01-awareness',
		revision: 1,
		mode: 'assessment',
		seed: 's',
		questionIds: ['q1'],
		answers: { q1: { choice: 'a' } },
		score: 0.9,
		passed: true,
		startedAt: '2026-11-20T09:00:00.000Z',
		submittedAt: '2026-11-20T09:10:00.000Z',
		...over,
	};
}

describe('stored envelope', () => {
	test('every stored version has a fixture, and each decodes to the current shape', () => {
		for (let v = 1; v <= CURRENT_VERSION; v++) {
			const r = decodeStored(fixture(`v${v}.json`));
			expect(r.ok, `v${v}`).toBe(true);
			if (r.ok) {
				expect(r.fromVersion).toBe(v);
				expect(r.data.attempts[0]?.quizId).toBe('p01-awareness');
			}
		}
	});
	test('round trip', () => {
		const data: ProgressData = { attempts: [attempt()], modules: {} };
		expect(decodeStored(encodeStored(data))).toEqual({ ok: true, data, fromVersion: CURRENT_VERSION });
	});
	test('nothing stored is an empty record', () => {
		expect(decodeStored(null)).toMatchObject({ ok: true, data: emptyProgress() });
	});
	test.each([
		['not JSON', '{oops', 'corrupt'],
		[
			'JSON with a __proto__ key',
			'{"version":1,"data":{"attempts":[],"modules":{},"__proto__":{}}}',
			'corrupt',
		],
		['JSON but not an envelope', '[1,2,3]', 'corrupt'],
		['a bare string', '"hello"', 'corrupt'],
		['envelope with a negative version', '{"version":-1,"data":{}}', 'invalid'],
		['envelope with a string version', '{"version":"1","data":{}}', 'invalid'],
		['data of the wrong type', '{"version":1,"data":{"attempts":"lots","modules":{}}}', 'invalid'],
		[
			'a score above 1',
			`{"version":1,"data":{"attempts":[${JSON.stringify({ ...attempt(), score: 7 })}],"modules":{}}}`,
			'invalid',
		],
		['a newer version', '{"version":99,"data":{}}', 'future'],
	])('%s is refused as %s', (_name, raw, reason) => {
		const r = decodeStored(raw);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toBe(reason);
	});
	test('migration refuses versions it has no step for', () => {
		expect(migrate(0, {})).toMatchObject({ ok: false, reason: 'invalid' });
		expect(migrate(1.5, {})).toMatchObject({ ok: false, reason: 'invalid' });
	});
});

describe('import files', () => {
	const data: ProgressData = { attempts: [attempt()], modules: {} };
	const good = encodeExport(data, '2026.11.1', '2026-11-22T10:00:00.000Z');

	test('the learner name travels with an export; a disguised or oversized name is refused', () => {
		const named = { ...data, learnerName: 'Ζωή 王' };
		const back = decodeImport(encodeExport(named, '2026.11.1', '2026-11-22T10:00:00.000Z'));
		expect(back.ok && back.data.learnerName).toBe('Ζωή 王');
		for (const bad of ['Eve\u202Egnp.exe', 'x'.repeat(121), '   ']) {
			const r = decodeImport(
				encodeExport({ ...data, learnerName: bad }, '2026.11.1', '2026-11-22T10:00:00.000Z'),
			);
			expect(r.ok, JSON.stringify(bad)).toBe(false);
			expect(!r.ok && r.message).toContain('learnerName');
		}
		expect(() => withLearnerName(data, 'a\u0007b')).toThrow(/control/);
		expect(withLearnerName({ ...data, learnerName: 'A' }, '  ')).toEqual(data);
	});
	test('an export imports back', () => {
		expect(decodeImport(good)).toEqual({
			ok: true,
			data,
			contentVersion: '2026.11.1',
			exportedAt: '2026-11-22T10:00:00.000Z',
		});
	});
	test.each([
		['not JSON', 'hello', /^This is plain text, not a progress file\./],
		['damaged JSON', '{"format": oops}', /not valid JSON: it was damaged or edited/],
		['another JSON file', '{"name":"package"}', /not a Secure AI Academy progress export/],
		['a newer version', good.replace('"version": 1', '"version": 7'), /newer version of this site/],
		['a tampered score', good.replace('"score": 0.9', '"score": "100%"'), /looks edited or damaged/],
		[
			'an attempt with an unknown key',
			good.replace('"passed": true', '"passed": true, "admin": true'),
			/looks edited or damaged/,
		],
		[
			'HTML in a quiz id',
			good.replace('"quizId": "p01-awareness"', '"quizId": "<img src=x onerror=alert(1)>"'),
			/looks edited or damaged/,
		],
		[
			'a __proto__ module key',
			good.replace(
				'"modules": {}',
				'"modules": {"__proto__": {"firstOpenedAt": "2026-11-22T10:00:00.000Z", "lastOpenedAt": "2026-11-22T10:00:00.000Z"}}',
			),
			/looks edited or damaged/,
		],
	])('%s is refused with a clear message', (_name, text, message) => {
		const r = decodeImport(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(message);
		expect(({} as Record<string, unknown>).firstOpenedAt).toBeUndefined();
	});
	test('a file over the size limit is refused before parsing', () => {
		const r = decodeImport('x', MAX_IMPORT_BYTES + 1);
		expect(r).toMatchObject({ ok: false });
		if (!r.ok) expect(r.message).toMatch(/at most 2 MB/);
	});
	test('too many attempts is refused', () => {
		const many = { attempts: Array.from({ length: 5001 }, (_, i) => attempt({ id: `a${i}` })), modules: {} };
		expect(decodeImport(encodeExport(many as ProgressData, 'x', '2026-11-22T10:00:00.000Z')).ok).toBe(false);
	});
});

describe('merging and derived stats', () => {
	test('merge unites attempts by id and keeps module dates wide', () => {
		const a: ProgressData = {
			attempts: [attempt({ id: 'a1' })],
			modules: { m: { firstOpenedAt: '2026-01-02T00:00:00.000Z', lastOpenedAt: '2026-01-05T00:00:00.000Z' } },
		};
		const b: ProgressData = {
			attempts: [attempt({ id: 'a1' }), attempt({ id: 'a2', submittedAt: '2026-11-19T00:00:00.000Z' })],
			modules: {
				m: {
					firstOpenedAt: '2026-01-01T00:00:00.000Z',
					lastOpenedAt: '2026-01-03T00:00:00.000Z',
					completedAt: '2026-01-03T00:00:00.000Z',
				},
			},
			lastBackupAt: '2026-02-01T00:00:00.000Z',
		};
		const m = mergeProgress(a, b);
		expect(m.attempts.map((x) => x.id)).toEqual(['a2', 'a1']);
		expect(m.modules.m).toEqual({
			firstOpenedAt: '2026-01-01T00:00:00.000Z',
			lastOpenedAt: '2026-01-05T00:00:00.000Z',
			completedAt: '2026-01-03T00:00:00.000Z',
		});
		expect(m.lastBackupAt).toBe('2026-02-01T00:00:00.000Z');
		expect(mergeProgress(m, m)).toEqual(m);
	});
	test('best score and first pass are derived from assessment attempts only', () => {
		const data: ProgressData = {
			attempts: [
				attempt({
					id: 'p',
					mode: 'practice',
					score: 1,
					passed: true,
					submittedAt: '2026-11-01T00:00:00.000Z',
				}),
				attempt({ id: 'f', score: 0.5, passed: false, submittedAt: '2026-11-02T00:00:00.000Z' }),
				attempt({ id: 'x', score: 0.8, passed: true, submittedAt: '2026-11-03T00:00:00.000Z' }),
				attempt({ id: 'y', score: 0.9, passed: true, submittedAt: '2026-11-04T00:00:00.000Z' }),
			],
			modules: {},
		};
		const s = quizStats(data, 'p01-awareness', 1);
		expect(s.bestScore).toBe(0.9);
		expect(s.firstPassedAt).toBe('2026-11-03T00:00:00.000Z');
		expect(s.lastAttempt?.id).toBe('y');
		expect(s.attempts).toHaveLength(4);
	});
	test('a pass on an older revision stays on record, marked as such', () => {
		const data: ProgressData = { attempts: [attempt({ revision: 1 })], modules: {} };
		const s = quizStats(data, 'p01-awareness', 2);
		expect(s.firstPassedAt).toBeUndefined();
		expect(s.passedOnOlderRevision).toEqual({ revision: 1, at: '2026-11-20T09:10:00.000Z' });
		expect(s.bestScore).toBe(0.9);
		expect(s.bestScoreCurrent).toBeUndefined();
	});
	test('reset one quiz leaves the others', () => {
		const data: ProgressData = {
			attempts: [attempt({ id: 'a' }), attempt({ id: 'b', quizId: 'other' })],
			modules: {},
		};
		expect(withoutQuiz(data, 'p01-awareness').attempts.map((a) => a.id)).toEqual(['b']);
	});
	test('module visits keep the first open and the first completion', () => {
		let d = withModuleVisit(emptyProgress(), 'm', '2026-01-01T00:00:00.000Z');
		d = withModuleVisit(d, 'm', '2026-01-02T00:00:00.000Z', true);
		d = withModuleVisit(d, 'm', '2026-01-03T00:00:00.000Z', true);
		expect(d.modules.m).toEqual({
			firstOpenedAt: '2026-01-01T00:00:00.000Z',
			lastOpenedAt: '2026-01-03T00:00:00.000Z',
			completedAt: '2026-01-02T00:00:00.000Z',
		});
	});
});

describe('dashboard', () => {
	const catalog = {
		principles: [
			{ number: 1, title: 'One' },
			{ number: 2, title: 'Two' },
		],
		modules: [
			{
				id: 'p01',
				title: 'P1',
				track: 'principles' as const,
				order: 1,
				principles: [1],
				minutes: 30,
				quiz: { id: 'q1', revision: 2 },
			},
			{
				id: 'p02',
				title: 'P2',
				track: 'principles' as const,
				order: 2,
				principles: [2],
				minutes: 30,
				quiz: { id: 'q2', revision: 1 },
			},
			{ id: 'sc1', title: 'SC', track: 'secure-coding' as const, order: 1, principles: [], minutes: 20 },
			// A crosswalk module lists principles but is not one of them.
			{ id: 'ncsc', title: 'NCSC', track: 'ncsc' as const, order: 1, principles: [1, 2], minutes: 20 },
		],
	};
	test('an empty record: nothing completed, start with the first module', () => {
		const d = buildDashboard(emptyProgress(), catalog);
		expect(d).toMatchObject({ completed: 0, total: 4, continueWith: undefined, attempts: 0 });
		expect(d.next?.id).toBe('p01');
		expect(d.byPrinciple.map((p) => [p.number, p.completed, p.total])).toEqual([
			[1, 0, 1],
			[2, 0, 1],
		]);
	});
	test('completion follows passes on the current revision; older passes do not complete', () => {
		const data: ProgressData = {
			attempts: [
				attempt({ id: 'x', quizId: 'q1', revision: 1, score: 1, passed: true }),
				attempt({ id: 'y', quizId: 'q2', revision: 1, score: 0.85, passed: true }),
			],
			modules: {
				p01: { firstOpenedAt: '2026-11-21T00:00:00.000Z', lastOpenedAt: '2026-11-22T00:00:00.000Z' },
				sc1: {
					firstOpenedAt: '2026-11-21T00:00:00.000Z',
					lastOpenedAt: '2026-11-21T00:00:00.000Z',
					completedAt: '2026-11-21T00:00:00.000Z',
				},
			},
		};
		const d = buildDashboard(data, catalog);
		const state = Object.fromEntries(d.modules.map((m) => [m.id, m.state]));
		expect(state).toEqual({ p01: 'in-progress', p02: 'completed', sc1: 'completed', ncsc: 'not-started' });
		expect(d.byPrinciple.find((p) => p.number === 2)).toMatchObject({ completed: 1, total: 1 });
		expect(d.modules.find((m) => m.id === 'p01')?.passedOlderRevision).toBe(1);
		expect(d.continueWith?.id).toBe('p01');
		expect(d.byPrinciple.find((p) => p.number === 2)?.bestScore).toBe(0.85);
		expect(d.byTrack).toEqual([
			{ track: 'principles', total: 2, completed: 1 },
			{ track: 'ncsc', total: 1, completed: 0 },
			{ track: 'secure-coding', total: 1, completed: 1 },
		]);
	});
});
