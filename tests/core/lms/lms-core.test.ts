import { describe, expect, it } from 'vitest';
import { cmi5LaunchFrom, findScormApi, type WindowLike } from '../../../src/core/lms/discovery.ts';
import {
	cmi5Due,
	isoDuration,
	packageStatus,
	scorm12Time,
	scorm12Values,
	scorm2004Values,
} from '../../../src/core/lms/report.ts';
import { decodeResume, encodeResume, RESUME_LIMITS } from '../../../src/core/lms/resume.ts';
import type { PackageModule, PackageScope } from '../../../src/core/lms/scope.ts';
import type { Attempt, ProgressData } from '../../../src/core/progress/progress.ts';

const modules: PackageModule[] = [
	{ id: 'm-one', title: 'One', summary: 's', quizId: 'q-one', quizRevision: 2, passMark: 0.8 },
	{ id: 'm-two', title: 'Two', summary: 's', quizId: 'q-two', quizRevision: 1, passMark: 0.8 },
	{ id: 'm-three', title: 'Three', summary: 's' },
];
const path: PackageScope = { kind: 'path', id: 'p', title: 'P', description: 'd', modules, masteryScore: 1 };
const single: PackageScope = {
	kind: 'module',
	id: 'm-one',
	title: 'One',
	description: 'd',
	modules: [modules[0] as PackageModule],
	masteryScore: 0.8,
};

let n = 0;
function attempt(over: Partial<Attempt> = {}): Attempt {
	n++;
	const start = Date.UTC(2026, 10, 1, 10, 0, n);
	return {
		id: `a${n}`,
		quizId: 'q-one',
		revision: 2,
		mode: 'assessment',
		seed: `s${n}`,
		questionIds: ['first-question', 'second-question', 'third-question'],
		answers: { 'first-question': { choice: 'a' }, 'second-question': { choices: ['b', 'c'] } },
		score: 0.9,
		passed: true,
		startedAt: new Date(start).toISOString(),
		submittedAt: new Date(start + 95_000).toISOString(),
		...over,
	};
}
const data = (attempts: Attempt[], read: string[] = []): ProgressData => ({
	attempts,
	modules: Object.fromEntries(
		read.map((id) => [
			id,
			{
				firstOpenedAt: '2026-11-01T09:00:00.000Z',
				lastOpenedAt: '2026-11-01T09:00:00.000Z',
				completedAt: '2026-11-01T09:30:00.000Z',
			},
		]),
	),
});

describe('resume codec', () => {
	it('round-trips modules read and assessment attempts (dates to the second)', () => {
		const a = attempt({ answers: { 'first-question': { text: 'Łukasz — 日本' } } });
		const enc = encodeResume({ read: { 'm-two': '2026-11-01T09:30:00.000Z' }, attempts: [a] }, modules, 4096);
		expect(enc).toMatchObject({ included: 1, omitted: 0 });
		expect(enc.text).toMatch(/^[\x20-\x7e]+$/); // ASCII only
		const dec = decodeResume(enc.text, modules);
		expect(dec?.read).toEqual({ 'm-two': '2026-11-01T09:30:00.000Z' });
		expect(dec?.attempts).toEqual([a]);
		expect(dec?.omitted).toBe(0);
	});
	it('leaves out practice attempts and quizzes outside the package', () => {
		const enc = encodeResume(
			{ read: {}, attempts: [attempt({ mode: 'practice' }), attempt({ quizId: 'elsewhere' })] },
			modules,
			4096,
		);
		expect(enc.included).toBe(0);
		expect(decodeResume(enc.text, modules)?.attempts).toEqual([]);
	});

	for (const format of ['scorm12', 'scorm2004'] as const) {
		const limit = RESUME_LIMITS[format];
		it(`${format}: fills exactly up to ${limit} characters and never past it; the rest is counted, not cut`, () => {
			// Pad one attempt's answers so that the whole state is exactly `limit` characters.
			const many = Array.from({ length: Math.ceil(limit / 100) + 5 }, () =>
				attempt({ passed: false, score: 0.5 }),
			);
			const enc = encodeResume({ read: {}, attempts: many }, modules, limit);
			expect(enc.text.length).toBeLessThanOrEqual(limit);
			expect(enc.omitted).toBeGreaterThan(0);
			expect(enc.included + enc.omitted).toBe(many.length);
			const dec = decodeResume(enc.text, modules);
			expect(dec?.attempts.length).toBe(enc.included);
			expect(dec?.omitted).toBe(enc.omitted);

			// Exactly at the limit: one attempt padded to fill every last character fits whole.
			const one = attempt();
			const bare = encodeResume(
				{ read: {}, attempts: [{ ...one, answers: { x: '' } }] },
				modules,
				limit,
			).text;
			const pad = 'p'.repeat(limit - bare.length);
			const exact = { ...one, answers: { x: pad } };
			const atLimit = encodeResume({ read: {}, attempts: [exact] }, modules, limit);
			expect(atLimit.text.length).toBe(limit);
			expect(atLimit).toMatchObject({ included: 1, omitted: 0 });
			expect(decodeResume(atLimit.text, modules)?.attempts[0]).toEqual(exact);
			// One character more and it no longer fits: left out and counted, never truncated.
			const over = encodeResume(
				{ read: {}, attempts: [{ ...one, answers: { x: `${pad}p` } }] },
				modules,
				limit,
			);
			expect(over).toMatchObject({ included: 0, omitted: 1 });
			expect(over.text.length).toBeLessThan(limit);
			expect(decodeResume(over.text, modules)).toMatchObject({ attempts: [], omitted: 1 });
		});
	}

	it('keeps the best current-revision attempt of each quiz before newer, worse ones', () => {
		const best = attempt({ score: 1, answers: { x: 'y'.repeat(1500) } });
		const newer = Array.from({ length: 6 }, () =>
			attempt({ score: 0.2, passed: false, answers: { x: 'z'.repeat(900) } }),
		);
		const enc = encodeResume({ read: {}, attempts: [best, ...newer] }, modules, 4096);
		const ids = decodeResume(enc.text, modules)?.attempts.map((a) => a.id);
		expect(ids?.[0]).toBe(best.id);
		expect(enc.omitted).toBeGreaterThan(0);
	});
	it('refuses damaged or foreign state without throwing', () => {
		expect(decodeResume('', modules)).toBeUndefined();
		expect(decodeResume('hello', modules)).toBeUndefined();
		expect(decodeResume('1~{"r":[],"a":[[0,"x"]]}', modules)).toBeUndefined();
		expect(decodeResume('1~{"r":[],"a":[[0,"BAD ID",1,900,1,"s","0",1,[],{}]]}', modules)).toBeUndefined();
		const ok = encodeResume({ read: {}, attempts: [attempt()] }, modules, 4096).text;
		expect(decodeResume(ok.slice(0, -5), modules)).toBeUndefined();
	});
});

describe('status and SCORM values', () => {
	it('a single module: score is the best current-revision assessment, mastery from the quiz', () => {
		const d = data(
			[attempt({ score: 0.6, passed: false }), attempt({ score: 0.9 }), attempt({ score: 1, revision: 1 })],
			['m-one'],
		);
		const st = packageStatus(d, single);
		expect(st).toMatchObject({ completed: true, scaled: 0.9, passed: true, mastery: 0.8 });
		expect(scorm12Values(st)).toEqual([
			['cmi.core.lesson_status', 'passed'],
			['cmi.core.score.raw', '90'],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
		]);
		expect(scorm2004Values(st)).toContainEqual(['cmi.score.scaled', '0.9']);
		expect(scorm2004Values(st)).toContainEqual(['cmi.success_status', 'passed']);
		expect(scorm2004Values(st)).toContainEqual(['cmi.completion_status', 'completed']);
	});
	it("the LMS's mastery score decides (here stricter than the quiz's pass mark)", () => {
		const st = packageStatus(data([attempt({ score: 0.85 })]), single, 0.9);
		expect(st).toMatchObject({ passed: false, mastery: 0.9, completed: false });
		expect(scorm12Values(st)[0]).toEqual(['cmi.core.lesson_status', 'failed']);
		expect(scorm2004Values(st)).toContainEqual(['cmi.completion_status', 'incomplete']);
	});
	it('before anything: incomplete and unknown, no score', () => {
		const st = packageStatus(data([]), single);
		expect(scorm12Values(st)).toEqual([['cmi.core.lesson_status', 'incomplete']]);
		expect(scorm2004Values(st)).toContainEqual(['cmi.success_status', 'unknown']);
		expect(scorm2004Values(st).some(([k]) => k.startsWith('cmi.score'))).toBe(false);
	});
	it('a path: share of assessments passed, and resumes at the first module not yet done', () => {
		const d = data(
			[attempt({ score: 0.9 }), attempt({ quizId: 'q-two', revision: 1, score: 0.4, passed: false })],
			['m-one'],
		);
		const st = packageStatus(d, path);
		expect(st).toMatchObject({
			read: 1,
			total: 3,
			scaled: 0.5,
			passed: false,
			nextModule: 'm-two',
			completed: false,
		});
		expect(scorm2004Values(st)).toContainEqual(['cmi.progress_measure', '0.333']);
		const done = packageStatus(
			data([attempt(), attempt({ quizId: 'q-two', revision: 1 })], ['m-one', 'm-two', 'm-three']),
			path,
		);
		expect(done).toMatchObject({ scaled: 1, passed: true, completed: true, nextModule: 'm-one' });
	});
	it('formats session time for each standard', () => {
		expect(scorm12Time(0)).toBe('0000:00:00.00');
		expect(scorm12Time(3_723_450)).toBe('0001:02:03.45');
		expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
		expect(isoDuration(5_000)).toBe('PT5S');
	});
	it('cmi5: one completed and one passed per registration, one failed per session, none after passed', () => {
		const st = packageStatus(data([attempt({ score: 0.5, passed: false })], ['m-one']), single);
		expect(cmi5Due(st, { completed: false, passed: false, failedThisSession: false })).toEqual([
			'completed',
			'failed',
		]);
		expect(cmi5Due(st, { completed: true, passed: false, failedThisSession: true })).toEqual([]);
		const won = packageStatus(data([attempt()], ['m-one']), single);
		expect(cmi5Due(won, { completed: true, passed: false, failedThisSession: true })).toEqual(['passed']);
		expect(cmi5Due(won, { completed: true, passed: true, failedThisSession: false })).toEqual([]);
	});
});

describe('discovery', () => {
	it('walks up parents to the SCORM API, then tries the opener', () => {
		const lms: WindowLike = { API_1484_11: { Initialize() {} } };
		lms.parent = lms;
		const mid: WindowLike = { parent: lms };
		const page: WindowLike = { parent: mid };
		expect(findScormApi(page)?.version).toBe('2004');
		const opener: WindowLike = { API: {} };
		const popup: WindowLike = { opener };
		popup.parent = popup;
		expect(findScormApi(popup)?.version).toBe('1.2');
	});
	it('finds nothing in a top window, and survives a cross-origin parent that throws', () => {
		const top: WindowLike = {};
		top.parent = top;
		expect(findScormApi(top)).toBeUndefined();
		const hostile = Object.defineProperty({}, 'API', {
			get() {
				throw new DOMException('Blocked a frame', 'SecurityError');
			},
		}) as WindowLike;
		expect(findScormApi({ parent: hostile })).toBeUndefined();
	});
	it('reads cmi5 launch parameters, and refuses incomplete or malformed ones', () => {
		const actor = JSON.stringify({
			objectType: 'Agent',
			account: { homePage: 'https://lms.example', name: 'u1' },
		});
		const q = new URLSearchParams({
			endpoint: 'https://lms.example/xapi/',
			fetch: 'https://lms.example/token?k=1',
			actor,
			registration: '2f8a1c5e-1111-4222-8333-944445555666',
			activityId: 'https://training.example/lms/module/p01/au',
		});
		expect(cmi5LaunchFrom(`?${q}`)?.actor.account?.name).toBe('u1');
		for (const drop of ['endpoint', 'fetch', 'actor', 'registration', 'activityId']) {
			const x = new URLSearchParams(q);
			x.delete(drop);
			expect(cmi5LaunchFrom(`?${x}`), drop).toBeUndefined();
		}
		const bad = new URLSearchParams(q);
		bad.set('actor', JSON.stringify({ mbox: 'mailto:a@b' }));
		expect(cmi5LaunchFrom(`?${bad}`)).toBeUndefined();
		bad.set('actor', '{not json');
		expect(cmi5LaunchFrom(`?${bad}`)).toBeUndefined();
		expect(cmi5LaunchFrom('')).toBeUndefined();
	});
});
