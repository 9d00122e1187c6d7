/**
 * The benchmark's synthetic corpus (scripts/bench/corpus.ts) must be content the real build
 * accepts: every module and quiz passes the schemas and the cross-reference checks, exactly as
 * `npm run validate` checks the real content. It must also be deterministic, so runs compare.
 */

import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { corpusProject, principleList } from '../../scripts/bench/builds.ts';
import { academyCorpus, corpusLessons, starlightCorpus } from '../../scripts/bench/corpus.ts';
import { removeDir } from '../../scripts/lib/temp-project.ts';
import { formatProblems } from '../../src/core/catalog/catalog.ts';
import { frontmatterOf, loadContent } from '../../src/lib/content-files.ts';
import { QUESTION_TYPES } from '../../src/schemas/quiz.ts';

const principles = principleList();
const made: string[] = [];
afterAll(() => {
	for (const dir of made) removeDir(dir);
});

describe('synthetic corpus', () => {
	test('24 modules with quizzes pass every schema and cross-reference check', () => {
		const dir = corpusProject(24, 1);
		made.push(dir);
		const { catalog, problems } = loadContent(dir);
		expect(problems, formatProblems(problems)).toEqual([]);
		expect(catalog.modules).toHaveLength(24);
		expect(catalog.quizzes).toHaveLength(24);
		expect(catalog.modules.every((m) => m.data.quiz === m.data.id)).toBe(true);
		const kinds = new Set(catalog.quizzes.flatMap((q) => q.data.questions.map((x) => x.type)));
		expect([...kinds].sort()).toEqual([...QUESTION_TYPES].sort());
	});

	test('the same seed gives the same files; another seed gives other text', () => {
		const a = academyCorpus({ modules: 5, seed: 1, principles });
		expect(academyCorpus({ modules: 5, seed: 1, principles })).toEqual(a);
		const b = academyCorpus({ modules: 5, seed: 2, principles });
		expect(Object.keys(b)).toEqual(Object.keys(a));
		expect(Object.values(b)).not.toEqual(Object.values(a));
	});

	test('lessons are about the size of the real ones (10-30 KB of MDX)', () => {
		const mdx = Object.entries(academyCorpus({ modules: 10, seed: 1, principles })).filter(([f]) =>
			f.endsWith('.mdx'),
		);
		for (const [file, text] of mdx) {
			expect(text.length, file).toBeGreaterThan(10_000);
			expect(text.length, file).toBeLessThan(30_000);
		}
	});

	test('Starlight gets the same lessons, with its own frontmatter and components', () => {
		const opts = { modules: 6, seed: 1, principles };
		const ours = academyCorpus(opts);
		const theirs = starlightCorpus(opts);
		const lessons = corpusLessons(opts);
		expect(Object.keys(theirs)).toEqual(lessons.map((l) => `src/content/docs/${l.track}/${l.id}.mdx`));
		for (const l of lessons) {
			const mine = parse(frontmatterOf(ours[`content/modules/bench/${l.id}.mdx`] ?? '') ?? '');
			const text = theirs[`src/content/docs/${l.track}/${l.id}.mdx`] ?? '';
			expect(parse(frontmatterOf(text) ?? '')).toEqual({ title: mine.title, description: mine.summary });
			expect(text).toContain('<Aside');
			expect(text).not.toMatch(/<(Callout|Scenario|Provision|CodePair|KeyTakeaways|Checklist|RoleNote)\b/);
		}
	});
});
