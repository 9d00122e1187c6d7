/**
 * Every manifest of every package the real catalogue yields is validated against the standard's
 * published XSDs with libxml2 (xmllint-wasm); broken manifests must be refused, so the check can fail.
 */
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../scripts/lib/lms-xsd.ts';
import {
	cmi5Manifest,
	scorm12Manifest,
	scorm2004Manifest,
	xmlEscape,
} from '../../../src/core/lms/manifest.ts';
import { type PackageScope, planScopes } from '../../../src/core/lms/scope.ts';
import { loadContent } from '../../../src/lib/content-files.ts';

const root = new URL('../../..', import.meta.url).pathname;
const { catalog } = loadContent(root);
const scopes = planScopes({
	modules: catalog.modules.map((m) => m.data),
	quizzes: catalog.quizzes.map((q) => q.data),
	paths: (catalog.paths ?? []).map((p) => p.data),
	tracks: ['principles', 'ncsc', 'secure-coding', 'ml-complexity'],
	courseTitle: 'Secure AI Academy',
	courseDescription: 'All modules & paths <in one> "course".',
});
const SITE = 'https://training.example.org';
const files = ['modules/x/index.html', '_astro/a b.js', 'lms-package.json'];

describe('package scopes from the catalogue', () => {
	it('has one package per module, per learning path, and the course', () => {
		const kinds = scopes.map((s) => s.kind);
		expect(kinds.filter((k) => k === 'module').length).toBe(catalog.modules.length);
		expect(kinds.filter((k) => k === 'path').length).toBe(catalog.paths?.length);
		expect(kinds.filter((k) => k === 'course').length).toBe(1);
	});
	it('takes a module package mastery score from its quiz pass mark', () => {
		for (const s of scopes.filter((x) => x.kind === 'module')) {
			const m = catalog.modules.find((x) => x.data.id === s.id)?.data;
			const quiz = catalog.quizzes.find((q) => q.data.id === m?.quiz)?.data;
			expect(s.masteryScore).toBe(quiz?.passMark);
		}
	});
	it('needs every assessment passed in a path or the course (mastery 1)', () => {
		for (const s of scopes.filter((x) => x.kind !== 'module')) expect(s.masteryScore).toBe(1);
	});
	it('keeps a path in its step order', () => {
		const path = catalog.paths?.[0]?.data;
		const scope = scopes.find((s) => s.kind === 'path' && s.id === path?.id);
		expect(scope?.modules.map((m) => m.id)).toEqual(path?.steps.map((s) => s.module));
	});
});

describe('manifests are valid against the published schemas', () => {
	// Validating every package of every format takes a few seconds in WebAssembly.
	const all = scopes;
	it.each([
		['scorm12', scorm12Manifest],
		['scorm2004', scorm2004Manifest],
	] as const)(
		'%s: every module, path and course manifest',
		async (format, build) => {
			for (const scope of all) {
				const xml = build(scope, { siteUrl: SITE, files });
				const r = await validateManifest(format, xml, `${scope.kind}-${scope.id}.xml`);
				expect(r.errors, `${format} ${scope.kind} ${scope.id}`).toEqual([]);
				expect(r.valid).toBe(true);
			}
		},
		120_000,
	);
	it('cmi5: every module, path and course cmi5.xml', async () => {
		for (const scope of all) {
			const r = await validateManifest('cmi5', cmi5Manifest(scope, { siteUrl: SITE }), `${scope.id}.xml`);
			expect(r.errors, `cmi5 ${scope.kind} ${scope.id}`).toEqual([]);
		}
	}, 120_000);

	const one = scopes.find((s) => s.kind === 'module' && s.masteryScore !== undefined) as PackageScope;
	it('fills titles, descriptions, mastery and the launch file from the content', () => {
		const x12 = scorm12Manifest(one, { siteUrl: SITE, files });
		expect(x12).toContain(`<title>${xmlEscape(one.title)}</title>`);
		expect(x12).toContain(`<adlcp:masteryscore>${(one.masteryScore as number) * 100}</adlcp:masteryscore>`);
		expect(x12).toContain(`href="modules/${one.id}/index.html"`);
		const x04 = scorm2004Manifest(one, { siteUrl: SITE, files });
		expect(x04).toContain(`<imsss:minNormalizedMeasure>${one.masteryScore}</imsss:minNormalizedMeasure>`);
		const c = cmi5Manifest(one, { siteUrl: SITE });
		expect(c).toContain(`masteryScore="${one.masteryScore}"`);
		expect(c).toContain('moveOn="CompletedAndPassed"');
		expect(c).toContain(`<url>modules/${one.id}/index.html</url>`);
	});
	it('escapes markup in titles (the course description above has & < > ")', async () => {
		const course = scopes.find((s) => s.kind === 'course') as PackageScope;
		const xml = scorm2004Manifest(course, { siteUrl: SITE, files });
		expect(xml).toContain('All modules &amp; paths &lt;in one&gt; &quot;course&quot;.');
	});

	it('refuses a manifest that breaks the schema (so the check can fail)', async () => {
		const good = scorm12Manifest(one, { siteUrl: SITE, files });
		const noId = good.replace(/<item identifier="[^"]*"/, '<item');
		const bad12 = await validateManifest('scorm12', noId);
		expect(bad12.valid).toBe(false);
		const badType = await validateManifest(
			'scorm12',
			good.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="page"'),
		);
		expect(badType.valid).toBe(false);
		expect(badType.errors.join('\n')).toMatch(/scormtype/);
		const x04 = scorm2004Manifest(one, { siteUrl: SITE, files });
		const badMeasure = await validateManifest(
			'scorm2004',
			x04.replace(/<imsss:minNormalizedMeasure>[^<]*/, '<imsss:minNormalizedMeasure>1.5'),
		);
		expect(badMeasure.valid).toBe(false);
		const c = cmi5Manifest(one, { siteUrl: SITE });
		const badMove = await validateManifest(
			'cmi5',
			c.replace('moveOn="CompletedAndPassed"', 'moveOn="Finished"'),
		);
		expect(badMove.valid).toBe(false);
		const noUrl = await validateManifest('cmi5', c.replace(/<url>.*<\/url>/, ''));
		expect(noUrl.valid).toBe(false);
	}, 60_000);
});
