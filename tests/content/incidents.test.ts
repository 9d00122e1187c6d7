/**
 * Real incidents in the lessons: every secure-coding and ML module cites at least one incident
 * from content/incidents.yaml, every id cited exists, and the lesson's text actually discusses
 * each incident it cites (names it by one of the incident's `names`). Also: every module says
 * when it was reviewed and against source editions that content/sources.yaml still lists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TRACKS_NEEDING_INCIDENTS } from '../../src/core/catalog/catalog.ts';
import { loadContent } from '../../src/lib/content-files.ts';

const root = new URL('../..', import.meta.url).pathname;
const content = loadContent(root);
const incidents = new Map((content.catalog.incidents ?? []).map((i) => [i.data.id, i.data]));
const sources = new Set((content.catalog.sources ?? []).map((s) => s.data.id));
const body = (file: string) =>
	readFileSync(`${root}/${file}`, 'utf8')
		.split(/\n---\n/)
		.slice(1)
		.join('\n---\n');

test('content/incidents.yaml and content/sources.yaml load without problems', () => {
	const mine = content.problems.filter((p) => /content\/(incidents|sources)\.yaml/.test(p.file));
	expect(mine).toEqual([]);
	expect(incidents.size).toBeGreaterThanOrEqual(20);
	expect(sources.has('code-of-practice-2025')).toBe(true);
});

describe.each(content.catalog.modules.map((m) => [m.data.id, m] as const))('%s', (_id, m) => {
	const needsIncident = (TRACKS_NEEDING_INCIDENTS as readonly string[]).includes(m.data.track);
	test.runIf(needsIncident)('cites at least one real incident', () => {
		expect(m.data.incidents.length, `${m.file}: add incidents: [id] to the frontmatter`).toBeGreaterThan(0);
	});

	test('every incident it cites exists and is discussed in its text', () => {
		const text = body(m.file);
		for (const id of m.data.incidents) {
			const incident = incidents.get(id);
			expect(incident, `${m.file}: no incident has id "${id}" in content/incidents.yaml`).toBeDefined();
			const named = incident?.names.some((n) => text.includes(n)) ?? false;
			expect(
				named,
				`${m.file} cites "${id}" but its text never names it (${incident?.names.join(' / ')}); add a paragraph telling the case`,
			).toBe(true);
		}
	});

	test('says when it was reviewed, against source editions that are still tracked', () => {
		expect(m.data.reviewed.against.length).toBeGreaterThan(0);
		const retired = m.data.reviewed.against.filter((id) => !sources.has(id));
		expect(retired, `${m.file}: review against a current edition in content/sources.yaml`).toEqual([]);
	});
});

test('OWASP LLM editions are never mixed: tables and quizzes use 2025 ids; 2026 ids only in the edition note', () => {
	const wrong: string[] = [];
	for (const file of content.files.modules) {
		for (const line of readFileSync(`${root}/${file}`, 'utf8').split('\n')) {
			const ids = line.match(/LLM(?:0[1-9]|10):20\d\d/g) ?? [];
			const allowed = line.startsWith('**2026 edition.**') ? /:(2025|2026)$/ : /:2025$/;
			for (const id of ids) if (!allowed.test(id)) wrong.push(`${file}: ${id} in "${line.slice(0, 60)}..."`);
		}
	}
	for (const file of content.files.quizzes) {
		for (const id of readFileSync(`${root}/${file}`, 'utf8').match(/LLM(?:0[1-9]|10):20\d\d/g) ?? []) {
			if (!id.endsWith(':2025')) wrong.push(`${file}: ${id}`);
		}
	}
	for (const i of incidents.values())
		for (const id of i.owasp) if (!id.endsWith(':2025')) wrong.push(`${i.id}: ${id}`);
	expect(wrong).toEqual([]);
});

test('every module with an OWASP mapping table says which edition its ids are', () => {
	const missing = content.files.modules.filter((file) => {
		const text = readFileSync(`${root}/${file}`, 'utf8');
		return /^\|.*LLM\d\d:2025/m.test(text) && !text.includes('**2026 edition.**');
	});
	expect(missing).toEqual([]);
});
