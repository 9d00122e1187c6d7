/**
 * Every content file, checked the way the build checks it, plus the facts that must match the
 * published Code of Practice (31 January 2025) exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProblems, provisionCoverage } from '../../src/core/catalog/catalog.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { QUIZ_JSON_SCHEMA_PATH, quizJsonSchema } from '../../src/schemas/json-schema.ts';

const root = new URL('../..', import.meta.url).pathname;
const content = loadContent(root);
const allFiles = [
	...content.files.principles,
	...content.files.modules,
	...content.files.quizzes,
	...content.files.paths,
	...content.files.assignments,
];

describe.each(allFiles)('%s', (file) => {
	test('matches its schema and references only things that exist', () => {
		const mine = content.problems.filter((p) => p.file === file);
		expect(mine, formatProblems(mine)).toEqual([]);
	});
});

test('no content problem anywhere (including missing files)', () => {
	expect(content.problems, formatProblems(content.problems)).toEqual([]);
});

describe('facts from the published Code of Practice', () => {
	const principles = content.catalog.principles.map((p) => p.data).sort((a, b) => a.number - b.number);
	const provisions = principles.flatMap((p) => p.provisions);

	// Provision ids as numbered in the published text (not the 2024 draft).
	const IDS = [
		'1.1 1.1.1 1.2 1.2.1 1.2.2',
		'2.1 2.1.1 2.2 2.3 2.4 2.5 2.5.1 2.6 2.7',
		'3.1 3.1.1 3.1.2 3.1.3 3.2 3.3 3.4',
		'4.1 4.2 4.3 4.4 4.5',
		'5.1 5.2 5.3 5.3.1 5.4 5.4.1 5.4.2',
		'6.1 6.2 6.3 6.4 6.5 6.6',
		'7.1 7.2 7.2.1 7.2.2 7.3 7.4',
		'8.1 8.1.1 8.1.2 8.2 8.2.1 8.3',
		'9.1 9.2 9.2.1 9.3 9.4 9.4.1',
		'10.1 10.2 10.2.1 10.2.2 10.3',
		'11.1 11.1.1 11.2 11.3',
		'12.1 12.2 12.3 12.4',
		'13.1 13.2',
	];
	// [provisions, shall-led (incl. shall+should), should-led] per principle.
	const TALLY = [
		[5, 4, 1],
		[9, 8, 1],
		[7, 5, 2],
		[5, 1, 4],
		[7, 6, 1],
		[6, 5, 1],
		[6, 6, 0],
		[6, 3, 3],
		[6, 2, 4],
		[5, 4, 1],
		[4, 2, 2],
		[4, 1, 3],
		[2, 2, 0],
	];
	const TITLES = [
		'Raise awareness of AI security threats and risks',
		'Design your AI system for security as well as functionality and performance',
		'Evaluate the threats and manage the risks to your AI system',
		'Enable human responsibility for AI systems',
		'Identify, track and protect your assets',
		'Secure your infrastructure',
		'Secure your supply chain',
		'Document your data, models and prompts',
		'Conduct appropriate testing and evaluation',
		'Communication and processes associated with End-users and Affected Entities',
		'Maintain regular security updates, patches and mitigations',
		"Monitor your system's behaviour",
		'Ensure proper data and model disposal',
	];
	const PHASE = [
		'design',
		'design',
		'design',
		'design',
		'development',
		'development',
		'development',
		'development',
		'development',
		'deployment',
		'maintenance',
		'maintenance',
		'end-of-life',
	];
	const ETSI = [
		'5.1.1',
		'5.1.2',
		'5.1.3',
		'5.1.4',
		'5.2.1',
		'5.2.2',
		'5.2.3',
		'5.2.4',
		'5.2.5',
		'5.3.1',
		'5.4.1',
		'5.4.2',
		'5.5.1',
	];

	test('13 principles with the published titles, phases and ETSI clauses', () => {
		expect(principles.map((p) => p.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
		expect(principles.map((p) => p.title)).toEqual(TITLES);
		expect(principles.map((p) => p.phase)).toEqual(PHASE);
		expect(principles.map((p) => p.etsiClause)).toEqual(ETSI);
	});
	test('all 72 provisions, in order, numbered as published', () => {
		expect(provisions.map((p) => p.id)).toEqual(IDS.join(' ').split(' '));
		expect(provisions).toHaveLength(72);
	});
	test('49 shall-led and 23 should-led, per principle as tallied', () => {
		expect(provisions.filter((p) => p.modal !== 'should')).toHaveLength(49);
		expect(provisions.filter((p) => p.modal === 'should')).toHaveLength(23);
		expect(
			principles.map((p) => [
				p.provisions.length,
				p.provisions.filter((v) => v.modal !== 'should').length,
				p.provisions.filter((v) => v.modal === 'should').length,
			]),
		).toEqual(TALLY);
	});
	test('exactly four provisions mix shall and should; only 8.3 has a "may"', () => {
		expect(provisions.filter((p) => p.modal === 'shall+should').map((p) => p.id)).toEqual([
			'2.7',
			'3.1',
			'3.2',
			'8.1',
		]);
		expect(provisions.filter((p) => p.may).map((p) => p.id)).toEqual(['8.3']);
	});
	test('5.4 is the only provision that names End-users; Principle 1 addresses organisations', () => {
		expect(provisions.filter((p) => p.who.includes('end-users')).map((p) => p.id)).toEqual(['5.4']);
		expect(principles[0]?.provisions.every((p) => p.who.includes('organisations'))).toBe(true);
	});
	test('Principle 10 has no "primarily applies to" roles; the others do', () => {
		expect(principles.filter((p) => p.primaryRoles.length === 0).map((p) => p.number)).toEqual([10]);
	});
	test('the NCSC guidelines have 17 sub-guidelines in four areas (4 + 4 + 5 + 4)', () => {
		const areas = content.catalog.ncsc.map((g) => g.data.area);
		expect(content.catalog.ncsc.map((g) => g.data.number)).toEqual(
			Array.from({ length: 17 }, (_, i) => i + 1),
		);
		expect(
			['design', 'development', 'deployment', 'operation'].map((a) => areas.filter((x) => x === a).length),
		).toEqual([4, 4, 5, 4]);
	});
});

test(`${QUIZ_JSON_SCHEMA_PATH} is in step with src/schemas/quiz.ts (run \`npm run schema\` if not)`, () => {
	expect(readFileSync(`${root}/${QUIZ_JSON_SCHEMA_PATH}`, 'utf8')).toBe(quizJsonSchema());
});

test('every quiz file points editors at the JSON Schema', () => {
	for (const file of content.files.quizzes) {
		expect(readFileSync(`${root}/${file}`, 'utf8').split('\n')[0], file).toBe(
			'# yaml-language-server: $schema=./quiz.schema.json',
		);
	}
});

test('lesson diagrams use real SVG attribute names (stroke-width, not strokeWidth; run `npm run fix:svg`)', async () => {
	const { camelSvgAttrs } = (await import('../../scripts/svg-attrs.mjs')) as {
		camelSvgAttrs: (t: string) => string[];
	};
	const offenders = content.files.modules
		.map((file) => [file, camelSvgAttrs(readFileSync(`${root}/${file}`, 'utf8'))] as const)
		.filter(([, found]) => found.length > 0)
		.map(([file, found]) => `${file}: ${[...new Set(found)].join(', ')}`);
	expect(offenders).toEqual([]);
});

describe('curriculum coverage (issue 4)', () => {
	const coverage = provisionCoverage(content.catalog);
	const principleModules = content.catalog.modules.filter(
		(m) => m.data.track === 'principles' && m.data.principles.length === 1,
	);

	test('every one of the 72 provisions is taught by a module and tested by a quiz question', () => {
		expect(coverage).toHaveLength(72);
		expect(coverage.filter((c) => c.modules.length === 0).map((c) => c.id)).toEqual([]);
		expect(coverage.filter((c) => c.questions.length === 0).map((c) => c.id)).toEqual([]);
	});

	test('each of the 13 principles has exactly one module that lists all its provisions', () => {
		for (const p of content.catalog.principles) {
			const mods = principleModules.filter((m) => m.data.principles[0] === p.data.number);
			expect(mods, `principle ${p.data.number}`).toHaveLength(1);
			const listed = new Set(mods[0]?.data.provisions);
			expect(
				p.data.provisions.map((v) => v.id).filter((id) => !listed.has(id)),
				`${mods[0]?.file} misses provisions`,
			).toEqual([]);
		}
	});

	const trackOf = new Map(content.catalog.modules.map((m) => [m.data.id, m.data.track]));
	describe.each(content.catalog.quizzes.map((q) => [q.file, q] as const))('%s', (_file, quiz) => {
		const track = trackOf.get(quiz.data.module);
		if (track === 'principles' || track === 'ncsc') {
			test('a pool of at least 14 questions drawn down to 10, in at least three kinds', () => {
				expect(quiz.data.questions.length).toBeGreaterThanOrEqual(14);
				expect(quiz.data.draw).toBe(10);
				expect(new Set(quiz.data.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
			});
		} else {
			test('at least 8 questions in four kinds, with two spot-the-line questions and a scenario', () => {
				const types = quiz.data.questions.map((q) => q.type);
				expect(types.length).toBeGreaterThanOrEqual(8);
				expect(new Set(types).size).toBeGreaterThanOrEqual(4);
				expect(types.filter((t) => t === 'spot-the-line').length).toBeGreaterThanOrEqual(2);
				expect(types).toContain('scenario');
			});
		}
		test('no "all of the above" or "none of the above" options', () => {
			const texts = quiz.data.questions.flatMap((q) => ('options' in q ? q.options.map((o) => o.text) : []));
			expect(texts.filter((t) => /\b(all|none) of the above\b/i.test(t))).toEqual([]);
		});
	});
});

test('lessons use no inline style attributes (the Content-Security-Policy blocks them; use a class)', () => {
	const offenders = content.files.modules.filter((file) =>
		/\sstyle=/.test(readFileSync(`${root}/${file}`, 'utf8')),
	);
	expect(offenders).toEqual([]);
});
