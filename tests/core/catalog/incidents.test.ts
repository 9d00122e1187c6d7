/**
 * Incidents (content/incidents.yaml) and source editions (content/sources.yaml): their schemas,
 * and the cross-checks that a module's `incidents` and `reviewed.against` name things that exist.
 */
import { describe, expect, test } from 'vitest';
import { checkCatalog } from '../../../src/core/catalog/catalog.ts';
import { IncidentSchema } from '../../../src/schemas/incident.ts';
import { ModuleSchema } from '../../../src/schemas/module.ts';
import { PrincipleSchema } from '../../../src/schemas/principle.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { SourceEditionSchema } from '../../../src/schemas/source-edition.ts';
import { validCatalogInput } from '../../fixtures/content.ts';

const parse = {
	principle: (raw: unknown) => PrincipleSchema.parse(raw),
	module: (raw: unknown) => ModuleSchema.parse(raw),
	quiz: (raw: unknown) => QuizSchema.parse(raw),
};

const incident = (patch: Record<string, unknown> = {}) => ({
	id: 'echoleak',
	title: 'EchoLeak',
	names: ['EchoLeak'],
	date: '2025-06-11',
	cves: ['CVE-2025-32711'],
	summary: 'What happened.',
	lesson: 'What to do.',
	owasp: ['LLM01:2025'],
	atlas: ['AML.T0051.001'],
	sources: [{ title: 'CVE record', url: 'https://example.org/cve' }],
	...patch,
});
const source = (id: string) =>
	SourceEditionSchema.parse({ id, title: 'A source', edition: '2025', url: 'https://example.org/' });

/** A consistent catalog with one secure-coding module citing one incident. */
function catalog() {
	const input = validCatalogInput(parse);
	const mod = input.modules[0];
	if (!mod) throw new Error('fixture');
	mod.data.track = 'secure-coding';
	mod.data.incidents = ['echoleak'];
	mod.data.reviewed.against = ['code-of-practice-2025', 'owasp-llm-2025'];
	return {
		...input,
		incidents: [{ file: 'content/incidents.yaml', data: IncidentSchema.parse(incident()) }],
		sources: [
			{ file: 'content/sources.yaml', data: source('code-of-practice-2025') },
			{ file: 'content/sources.yaml', data: source('owasp-llm-2025') },
		],
		mod,
	};
}

describe('incident schema', () => {
	test('a complete incident parses', () => {
		expect(IncidentSchema.safeParse(incident()).success).toBe(true);
	});
	const bad: [string, Record<string, unknown>, RegExp][] = [
		['an OWASP id without its edition', { owasp: ['LLM01'] }, /names its edition/],
		['a malformed CVE id', { cves: ['CVE-25-1'] }, /CVE id looks like/],
		['a malformed ATLAS id', { atlas: ['T0051'] }, /ATLAS id looks like/],
		['no sources', { sources: [] }, /at least one source/],
		['a plain-http source', { sources: [{ title: 'x', url: 'http://example.org/' }] }, /https/],
		['a date that is not a date', { date: 'June 2025' }, /YYYY-MM/],
		['an upper-case id', { id: 'EchoLeak' }, /lower-case/],
	];
	test.each(bad)('%s is refused', (_name, patch, message) => {
		const r = IncidentSchema.safeParse(incident(patch));
		expect(r.success).toBe(false);
		expect(r.error?.issues.map((i) => i.message).join('\n')).toMatch(message);
	});
});

describe('cross-checks', () => {
	test('a consistent catalog has no problems', () => {
		expect(checkCatalog(catalog())).toEqual([]);
	});

	test('a module citing an unknown incident: file, field and fix', () => {
		const input = catalog();
		input.mod.data.incidents = ['echoleak', 'no-such-case'];
		const problems = checkCatalog(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			file: 'content/modules/demo.mdx',
			field: 'incidents[1]',
			message: 'no incident has id "no-such-case"',
		});
		expect(problems[0]?.fix).toMatch(/content\/incidents.yaml/);
	});

	test('a secure-coding or ML module with no incident is refused; a principles module is not', () => {
		const input = catalog();
		input.mod.data.incidents = [];
		expect(checkCatalog(input)).toMatchObject([
			{
				field: 'incidents',
				message: 'a module in the secure-coding track must cite at least one real incident',
			},
		]);
		input.mod.data.track = 'ml-complexity';
		expect(checkCatalog(input)).toHaveLength(1);
		input.mod.data.track = 'principles';
		expect(checkCatalog(input)).toEqual([]);
	});

	test('a module reviewed against an edition that sources.yaml no longer lists', () => {
		const input = catalog();
		input.sources = input.sources.filter((s) => s.data.id !== 'owasp-llm-2025');
		// The incident's LLM01:2025 loses its edition too; this test is about the module.
		const problems = checkCatalog(input).filter((p) => p.file === 'content/modules/demo.mdx');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ field: 'reviewed.against[1]' });
		expect(problems[0]?.message).toMatch(/"owasp-llm-2025" is not listed in content\/sources.yaml/);
		expect(problems[0]?.fix).toMatch(/code-of-practice-2025/);
	});

	test('an incident whose OWASP id is from an edition sources.yaml does not track', () => {
		const input = catalog();
		input.incidents = [
			{ file: 'content/incidents.yaml', data: IncidentSchema.parse(incident({ owasp: ['LLM03:2026'] })) },
		];
		expect(checkCatalog(input)).toMatchObject([
			{ file: 'content/incidents.yaml', field: '[0] (echoleak).owasp[0]' },
		]);
	});

	test('two incidents with one id', () => {
		const input = catalog();
		const first = input.incidents[0];
		if (!first) throw new Error('fixture');
		input.incidents = [first, first];
		expect(checkCatalog(input).map((p) => p.message)).toEqual(['incident id "echoleak" is used twice']);
	});
});
