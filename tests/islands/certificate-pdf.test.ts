/**
 * The certificate PDF, made by the real generator (in Node, with the fonts read from
 * node_modules instead of fetched) and checked by tools we did not write: qpdf for the file's
 * structure, and Mozilla's pdf.js for the structure tree, the text, the fonts and the metadata.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
	certificatePdf,
	type FontSource,
	FontUnavailableError,
	type PdfCertificate,
	subsetTag,
} from '../../src/islands/certificates/certificate-pdf.ts';
import { pdfFonts } from '../../src/lib/pdf-fonts.ts';

const fonts = pdfFonts();
const diskFonts: FontSource = {
	faces: async () => fonts.map(({ file, ranges }) => ({ file, ranges })),
	font: async (file) => {
		const f = fonts.find((x) => x.file === file);
		if (!f) throw new FontUnavailableError(file, 'not in the font list');
		return new Uint8Array(readFileSync(f.source));
	},
};

const CERT: PdfCertificate = {
	siteName: 'Secure AI Academy',
	organisation: 'Example Ltd',
	signatory: 'Jane Smith, CISO',
	learnerName: 'Łukasz Αλέξανδρος 王小明',
	title: 'Principle 1: Raise awareness of AI security threats and risks',
	provisions: ['1.1', '1.1.1', '1.2', '1.2.1', '1.2.2'],
	earnedOn: '7 December 2026',
	score: '100%',
	contentVersion: '2026.12',
	quizRevisions: 'quiz p01-awareness r1',
	certificateId: 'SAA-1A2B-3C4D-5E6F-7A8B',
	verifyUrl: 'https://training.example.org/verify/',
};

/** What a reader of the file gets, read back with pdf.js. */
async function read(bytes: Uint8Array) {
	const doc = await pdfjs.getDocument({
		data: bytes.slice(),
		useSystemFonts: false,
		fontExtraProperties: true,
		verbosity: 0,
	}).promise;
	const page = await doc.getPage(1);
	// Marked content id → its text.
	const content = await page.getTextContent({ includeMarkedContent: true });
	const byId = new Map<string, string>();
	const artifacts: string[] = [];
	const stack: { id?: string | undefined; tag?: string | undefined }[] = [];
	for (const item of content.items) {
		if ('type' in item) {
			if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
				const tag = (item as { tag?: string }).tag;
				stack.push({ id: item.id ?? undefined, tag });
			} else if (item.type === 'endMarkedContent') stack.pop();
			continue;
		}
		const open = stack.at(-1);
		if (open?.id) byId.set(open.id, (byId.get(open.id) ?? '') + item.str);
		else if (open?.tag === 'Artifact') artifacts.push(item.str);
		else if (item.str.trim()) throw new Error(`text outside any marked content: "${item.str}"`);
	}
	type Node = { role?: string; type?: string; id?: string; children?: Node[] };
	const tree = (await page.getStructTree()) as Node | null;
	const elements: { role: string; text: string }[] = [];
	const walk = (n: Node) => {
		for (const c of n.children ?? []) {
			if (c.role && c.role !== 'Document') {
				const text = (c.children ?? [])
					.filter((k) => k.type === 'content')
					.map((k) => byId.get(k.id as string) ?? '')
					.join(' ');
				elements.push({ role: c.role, text });
			}
			walk(c);
		}
	};
	if (tree) walk(tree);

	const ops = await page.getOperatorList();
	const fontIds = new Set<string>();
	ops.fnArray.forEach((fn, i) => {
		if (fn === pdfjs.OPS.setFont) fontIds.add(ops.argsArray[i][0]);
	});
	const fontNames = [...fontIds].map((id) => (page.commonObjs.get(id) as { name: string }).name);
	const meta = await doc.getMetadata();
	return {
		tree,
		roots: tree?.children?.map((c) => c.role),
		elements,
		artifacts,
		fontNames,
		info: meta.info as Record<string, unknown>,
		markInfo: await doc.getMarkInfo(),
		text: (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''),
	};
}

function qpdf(bytes: Uint8Array, args: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'saa-pdf-'));
	const file = join(dir, 'certificate.pdf');
	writeFileSync(file, bytes);
	const r = spawnSync(process.env.QPDF ?? 'qpdf', [...args, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
	if (r.error) {
		throw new Error(
			'The PDF tests need qpdf, and none was found. Debian/Ubuntu: sudo apt-get install -y qpdf ' +
				'(bash .ci/run installs it), or set QPDF=/path/to/qpdf.',
		);
	}
	return r;
}

function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
	const r = qpdf(bytes, ['--check']);
	return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };
/** Every object of the file, as qpdf's JSON (version 2) gives them: "obj:N 0 R" → value. */
function qpdfObjects(bytes: Uint8Array) {
	const json = JSON.parse(qpdf(bytes, ['--json', '--json-key=qpdf']).stdout) as {
		qpdf: [unknown, Record<string, { value?: QpdfValue; stream?: { dict: QpdfValue } }>];
	};
	const objects = json.qpdf[1];
	const get = (ref: QpdfValue | undefined) => {
		const o = objects[`obj:${ref}`];
		return (o?.value ?? o?.stream?.dict) as Record<string, QpdfValue>;
	};
	const trailer = objects.trailer?.value as Record<string, QpdfValue>;
	const all = Object.keys(objects)
		.filter((k) => k.startsWith('obj:'))
		.map((k) => get(k.slice(4)));
	return { get, catalog: get(trailer['/Root']), all };
}

const pdf = (c: Partial<PdfCertificate> = {}) => certificatePdf({ ...CERT, ...c }, '/', diskFonts);

describe('the certificate PDF', () => {
	it('passes qpdf --check, and qpdf finds damage when there is some', async () => {
		const bytes = await pdf();
		const good = qpdfCheck(bytes);
		expect(good.output).toContain('No syntax or stream encoding errors found');
		expect(good.ok).toBe(true);
		// The check can fail: a file cut short is reported.
		const bad = qpdfCheck(bytes.slice(0, bytes.length - 200));
		expect(bad.output).not.toContain('No syntax or stream encoding errors found');
	});

	it('is tagged: a structure tree lists every text in reading order, the frame is an artifact', async () => {
		const r = await read(await pdf());
		// pdf.js documents an object and returns a Map; read either.
		const markInfo = r.markInfo as unknown;
		expect(
			markInfo instanceof Map ? markInfo.get('Marked') : (markInfo as { Marked?: boolean })?.Marked,
		).toBe(true);
		expect(r.roots).toEqual(['Document']);
		expect(r.elements).toEqual([
			{ role: 'P', text: 'Example Ltd' },
			{ role: 'H1', text: 'Certificate of completion' },
			{ role: 'P', text: 'This certifies that' },
			{ role: 'P', text: 'Łukasz Αλέξανδρος 王小明' },
			{ role: 'P', text: 'has completed' },
			{ role: 'P', text: CERT.title },
			{ role: 'P', text: 'Provisions covered: 1.1, 1.1.1, 1.2, 1.2.1, 1.2.2' },
			{ role: 'P', text: 'Programme owner: Jane Smith, CISO' },
			{
				role: 'P',
				text: 'Earned 7 December 2026 · score 100% · content 2026.12 · quiz p01-awareness r1',
			},
			{ role: 'P', text: 'Certificate SAA-1A2B-3C4D-5E6F-7A8B' },
			{
				role: 'P',
				text: expect.stringMatching(
					/^Self-declared: .* Check the record at https:\/\/training\.example\.org\/verify\/ with the credential file/,
				),
			},
		]);
		// The frame's two rules are artifacts: nothing is drawn outside marked content (see read()).
		expect(r.info.Title).toBe(`Certificate: ${CERT.title}`);
		expect(r.info.Language).toBe('en');
	});

	it('announces the tags, language and title where readers look for them (read by qpdf)', async () => {
		const { get, catalog, all } = qpdfObjects(await pdf());
		expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
		expect(catalog['/Lang']).toBe('u:en');
		expect(get(catalog['/ViewerPreferences'])).toEqual({ '/DisplayDocTitle': true });
		const root = get(catalog['/StructTreeRoot']);
		expect(root['/Type']).toBe('/StructTreeRoot');
		const page = all.find((o) => o?.['/Type'] === '/Page') as Record<string, QpdfValue>;
		expect(page['/StructParents']).toBe(0);
		expect(page['/Tabs']).toBe('/S');
		// The parent tree maps each marked-content id on the page back to its structure element.
		const nums = get(root['/ParentTree'])['/Nums'] as QpdfValue[];
		expect(nums[0]).toBe(0);
		const parents = (typeof nums[1] === 'string' ? get(nums[1]) : nums[1]) as unknown as string[];
		expect(parents.length).toBeGreaterThanOrEqual(12);
		for (const ref of parents) expect(get(ref)['/Type']).toBe('/StructElem');
		// Every font descriptor names a tagged subset.
		const names = all.filter((o) => o?.['/Type'] === '/FontDescriptor').map((o) => o['/FontName']);
		expect(names.length).toBe(2);
		for (const n of names) expect(n).toMatch(/^\/[A-Z]{6}\+Noto/);
	});

	it('embeds every font once per family, as a subset with a six-letter tag', async () => {
		const r = await read(await pdf());
		expect(r.fontNames.length).toBeGreaterThan(0);
		for (const name of r.fontNames) expect(name).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
		const families = r.fontNames.map((n) => n.slice(7));
		// Latin, Latin Extended and Greek come from three Noto Sans files; the name's three Chinese
		// characters from two Noto Sans SC files. Each family is still one font.
		expect(families.sort()).toEqual(['NotoSans-Regular', 'NotoSansSC-Regular']);
	});

	it('gives the same tags for the same text, and different ones for a different subset', async () => {
		const a = await read(await pdf());
		const b = await read(await pdf());
		const c = await read(await pdf({ learnerName: 'Zoë Quinn' }));
		expect(a.fontNames.sort()).toEqual(b.fontNames.sort());
		const latin = (names: string[]) => names.find((n) => n.endsWith('+NotoSans-Regular'));
		expect(latin(c.fontNames)).not.toBe(latin(a.fontNames));
		expect(await subsetTag('NotoSans-Regular', 'abc')).toMatch(/^[A-Z]{6}$/);
		expect(await subsetTag('NotoSans-Regular', 'cba')).toBe(await subsetTag('NotoSans-Regular', 'abc'));
	});

	it.each([
		['Łukasz Wiśniewski', 'NotoSans-Regular'],
		['王小明', 'NotoSansSC-Regular'],
		['김민준', 'NotoSansKR-Regular'],
		['דוד כהן', 'NotoSansHebrew-Regular'],
		['Сергей Nguyễn Văn', 'NotoSans-Regular'],
	])('a name in its own script (%s) extracts as typed', async (name, family) => {
		const bytes = await pdf({ learnerName: name });
		expect(qpdfCheck(bytes).ok).toBe(true);
		const r = await read(bytes);
		const el = r.elements[3] as { text: string };
		if (/[\u0590-\u05FF]/u.test(name)) {
			// Right to left: pdf.js puts each drawn run back into reading order but joins the runs
			// left to right, so the words come out in visual order; each word is intact.
			for (const word of name.split(' ')) expect(el.text).toContain(word);
		} else expect(el.text).toBe(name);
		expect(r.fontNames.some((n) => n.endsWith(`+${family}`))).toBe(true);
		expect(new Set(r.fontNames.map((n) => n.slice(7))).size).toBe(r.fontNames.length);
	});

	it('says which font it could not load, with an error the page can recognise', async () => {
		const offline: FontSource = {
			faces: diskFonts.faces,
			font: async (file) => {
				if (file.includes('-sc-')) throw new FontUnavailableError(file, 'no connection');
				return diskFonts.font(file);
			},
		};
		const err = await certificatePdf(CERT, '/', offline).catch((e: Error) => e);
		expect(err).toBeInstanceOf(FontUnavailableError);
		expect((err as Error).name).toBe('FontUnavailableError');
		expect((err as Error).message).toMatch(
			/noto-sans-sc-\d+-400-normal\.woff could not be loaded \(no connection\)/,
		);
	});
});
