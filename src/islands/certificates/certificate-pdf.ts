/**
 * The PDF certificate, made in the browser with pdf-lib. This module is loaded only when the
 * learner presses "Download PDF" (a dynamic import), so pages never pay for it otherwise.
 * Every piece of text is drawn in Noto fonts fetched from the site itself, only the files the
 * text needs, embedded as subsets: so a name in Greek, Cyrillic, Arabic, Hebrew, Chinese,
 * Japanese kana or Korean comes out as typed.
 *
 * Scripts whose letters change shape and join (Arabic, Devanagari) need a shaping engine that
 * pdf-lib lacks: for those, the browser shapes the text on a canvas with the same Noto fonts,
 * the picture goes into the PDF at four times print resolution, and the text is laid over it
 * invisibly so it can still be searched and copied.
 *
 * The PDF is tagged (PDF 1.7, ISO 32000-1 §14.7-14.8): a structure tree (Document, H1, P) lists
 * every text in reading order, each text run is a marked-content sequence pointing back to its
 * element, and the frame and the pictures of shaped text are artifacts, so a screen reader reads
 * the certificate in order and skips the decoration. Embedded fonts are subsets named with the
 * six-letter tag the PDF format asks for (ABCDEF+NotoSans-Regular), derived from the characters
 * each subset holds, so the same certificate always gives the same names; each family is embedded
 * once, however many of its Unicode-range files the text needed (see font-family.ts).
 */
import fontkit from '@pdf-lib/fontkit';
import {
	PDFDocument,
	PDFFont,
	PDFName,
	PDFNumber,
	PDFOperator,
	PDFOperatorNames,
	type PDFPage,
	type PDFRef,
	rgb,
} from 'pdf-lib';
import { type FontFace, isRightToLeft, type Lacks, visualRuns } from '../../core/certificates/font-runs.ts';
import { FamilyEmbedder, type Slice } from './font-family.ts';

export interface PdfCertificate {
	siteName: string;
	organisation: string;
	signatory: string | undefined;
	learnerName: string;
	title: string;
	provisions: string[];
	earnedOn: string;
	score: string;
	contentVersion: string;
	quizRevisions: string;
	certificateId: string;
	verifyUrl: string;
}

// A4 landscape in points; the layout keeps 20 mm clear so Letter printers lose nothing.
const W = 841.89;
const H = 595.28;
const INK = rgb(0.1, 0.12, 0.16);
const SOFT = rgb(0.33, 0.36, 0.42);
const ACCENT = rgb(0.11, 0.3, 0.55);

/** Scripts pdf-lib cannot shape: Arabic (with its presentation forms) and Devanagari. */
const NEEDS_SHAPING = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u0900-\u097F]/u;
/** Canvas pixels per PDF point for shaped text. */
const SCALE = 4;

/** Where the font list and font files come from: the site's own `fonts/` folder, or (in tests) the disk. */
export interface FontSource {
	faces(): Promise<FontFace[]>;
	font(file: string): Promise<Uint8Array>;
}

/**
 * A font file the PDF needs could not be loaded: offline, before the file was ever saved on this
 * device, or a server error. The certificate page tells the learner plainly what to do.
 */
export class FontUnavailableError extends Error {
	constructor(
		readonly file: string,
		reason: string,
	) {
		super(`the font file ${file} could not be loaded (${reason})`);
		this.name = 'FontUnavailableError';
	}
}

/** Fetches the font list and files from the site (the service worker answers offline when it has them). */
export function siteFontSource(base: string): FontSource {
	const get = async (file: string) => {
		let res: Response;
		try {
			res = await fetch(`${base}fonts/${file}`);
		} catch {
			throw new FontUnavailableError(file, 'no connection');
		}
		if (!res.ok) throw new FontUnavailableError(file, `HTTP ${res.status}`);
		return res;
	};
	return {
		faces: async () => ((await (await get('manifest.json')).json()) as { faces: FontFace[] }).faces,
		font: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
	};
}

/**
 * The subset tag of a font: six capital letters derived from the family and the characters the
 * subset holds (ISO 32000-1 §9.6.4 asks for six uppercase letters, different for different subsets).
 */
export async function subsetTag(family: string, chars: Iterable<string>): Promise<string> {
	const text = `${family}\n${[...new Set(chars)].sort().join('')}`;
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return [...digest.slice(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

/**
 * The structure tree and marked content of one page. Every piece of text drawn between `begin`
 * and `end` becomes a marked-content sequence (BDC /Tag <</MCID n>> … EMC) owned by one structure
 * element; decoration drawn inside `artifact` is marked /Artifact and left out of the tree.
 */
class Tagger {
	private readonly rootRef: PDFRef;
	private readonly documentRef: PDFRef;
	/** Structure elements in reading order, with the MCIDs of their content. */
	private readonly elements: { ref: PDFRef; role: string; mcids: number[] }[] = [];
	/** parents[mcid] is the element that owns that marked content (the page's ParentTree entry). */
	private readonly parents: PDFRef[] = [];

	constructor(
		private readonly doc: PDFDocument,
		private readonly page: PDFPage,
	) {
		this.rootRef = doc.context.nextRef();
		this.documentRef = doc.context.nextRef();
	}

	/** A new structure element (H1, P…), placed after the previous one in reading order. */
	element(role: 'H1' | 'P') {
		const el = { ref: this.doc.context.nextRef(), role, mcids: [] as number[] };
		this.elements.push(el);
		return el;
	}

	begin(el: { ref: PDFRef; role: string; mcids: number[] }) {
		const mcid = this.parents.length;
		this.parents.push(el.ref);
		el.mcids.push(mcid);
		this.page.pushOperators(
			PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
				PDFName.of(el.role),
				// An inline property list (<< /MCID n >>); pdf-lib writes a dict operand as it is.
				this.doc.context.obj({ MCID: mcid }) as unknown as PDFName,
			]),
		);
	}

	end() {
		this.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
	}

	/** Drawing that carries no meaning of its own (frame, picture of text that is also there as text). */
	artifact(draw: () => void) {
		this.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
		draw();
		this.end();
	}

	/** Writes the structure tree, parent tree and the catalogue and page entries that announce them. */
	finish() {
		const { context, catalog } = this.doc;
		for (const el of this.elements) {
			context.assign(
				el.ref,
				context.obj({
					Type: 'StructElem',
					S: el.role,
					P: this.documentRef,
					Pg: this.page.ref,
					K: el.mcids,
				}),
			);
		}
		context.assign(
			this.documentRef,
			context.obj({
				Type: 'StructElem',
				S: 'Document',
				P: this.rootRef,
				K: this.elements.filter((e) => e.mcids.length).map((e) => e.ref),
			}),
		);
		const parentTree = context.register(
			context.obj({ Nums: [0, context.register(context.obj(this.parents))] }),
		);
		context.assign(
			this.rootRef,
			context.obj({
				Type: 'StructTreeRoot',
				K: this.documentRef,
				ParentTree: parentTree,
				ParentTreeNextKey: 1,
			}),
		);
		catalog.set(PDFName.of('StructTreeRoot'), this.rootRef);
		catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
		this.page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
		// Tab order follows the structure.
		this.page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
	}
}

type Element = ReturnType<Tagger['element']>;

class FontSet {
	/** Font file → the embedded font of its family (one per family, e.g. all Noto Sans slices share one). */
	private embedded = new Map<string, Promise<PDFFont>>();
	private families = new Map<string, { font: PDFFont; embedder: FamilyEmbedder }>();
	private loaded = new Map<string, Promise<string>>();
	/** Code points a loaded file claims in its unicode-range but has no glyph for. */
	private lacking = new Map<string, Set<number>>();
	/** Each loaded file, parsed by fontkit. */
	private slices = new Map<string, Slice>();
	private readonly lacks: Lacks = (file, cp) => this.lacking.get(file)?.has(cp) ?? false;
	constructor(
		private doc: PDFDocument,
		private faces: FontFace[],
		private source: FontSource,
		private tagger: Tagger,
	) {}

	private font(file: string): Promise<PDFFont> {
		let f = this.embedded.get(file);
		if (!f) {
			f = this.source.font(file).then((bytes) => {
				const font = fontkit.create(bytes);
				const face = this.faces.find((x) => x.file === file) as FontFace;
				const slice: Slice = {
					font,
					covers: (cp) => face.ranges.some(([a, b]) => cp >= a && cp <= b) && !this.lacks(file, cp),
				};
				this.slices.set(file, slice);
				const family = font.postscriptName || file;
				const known = this.families.get(family);
				if (known) {
					known.embedder.addSlice(slice);
					return known.font;
				}
				const embedder = new FamilyEmbedder(slice, async (codePoints) => {
					const chars = codePoints.map((cp) => String.fromCodePoint(cp));
					return `${await subsetTag(family, chars)}+${family}`;
				});
				const pdfFont = PDFFont.of(this.doc.context.nextRef(), this.doc, embedder);
				this.families.set(family, { font: pdfFont, embedder });
				return pdfFont;
			});
			this.embedded.set(file, f);
		}
		return f;
	}

	/** Writes each family's font into the PDF (pdf-lib's save only embeds fonts it made itself). */
	async embedAll() {
		for (const { font } of this.families.values()) await font.embed();
	}

	/** Whether the file really has a glyph for the code point (fontkit cannot read one Chinese slice's cmap). */
	private hasGlyph(file: string, cp: number): boolean {
		try {
			return this.slices.get(file)?.font.hasGlyphForCodePoint(cp) ?? false;
		} catch {
			return false;
		}
	}

	/**
	 * Runs of text with their fonts and widths at `size`, in drawing order. A file that turns out
	 * to lack a character its range claims is passed over for that character, and the text is cut again.
	 */
	async layout(text: string, size: number) {
		for (;;) {
			const { runs, missing } = visualRuns(text, this.faces, this.lacks);
			if (missing.length) throw new Error(`no font here covers ${missing.slice(0, 5).join(' ')}`);
			const laid = await Promise.all(runs.map(async (r) => ({ ...r, font: await this.font(r.file) })));
			let recut = false;
			for (const r of laid) {
				for (const ch of r.text) {
					const cp = ch.codePointAt(0) as number;
					if (!this.hasGlyph(r.file, cp)) {
						this.lacking.set(r.file, (this.lacking.get(r.file) ?? new Set()).add(cp));
						recut = true;
					}
				}
			}
			if (recut) continue;
			const sized = laid.map((r) => ({
				text: r.text,
				font: r.font,
				width: r.font.widthOfTextAtSize(r.text, size),
			}));
			return { runs: sized, width: sized.reduce((n, r) => n + r.width, 0) };
		}
	}

	/** Registers a font file with the browser (for canvas drawing); returns its family name. */
	private family(file: string): Promise<string> {
		let f = this.loaded.get(file);
		if (!f) {
			const name = `saa-pdf-${this.loaded.size}`;
			f = this.source.font(file).then(async (bytes) => {
				const face = new FontFace(name, new Uint8Array(bytes));
				document.fonts.add(await face.load());
				return name;
			});
			this.loaded.set(file, f);
		}
		return f;
	}

	/** Text the browser shapes: drawn as a picture (an artifact), with the same text invisibly on top. */
	private async drawShaped(
		page: PDFPage,
		text: string,
		y: number,
		size: number,
		color: typeof INK,
		el: Element,
	) {
		const { runs, width } = await this.layout(text, size);
		const files = [...new Set(visualRuns(text, this.faces, this.lacks).runs.map((r) => r.file))];
		const names = await Promise.all(files.map((f) => this.family(f)));
		const canvas = document.createElement('canvas');
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('this browser cannot draw on a canvas');
		const font = `${size * SCALE}px ${names.map((n) => `"${n}"`).join(', ')}`;
		ctx.font = font;
		const m = ctx.measureText(text);
		const ascent = Math.ceil(m.actualBoundingBoxAscent) + 2 * SCALE;
		const descent = Math.ceil(m.actualBoundingBoxDescent) + 2 * SCALE;
		canvas.width = Math.ceil(m.width) + 4 * SCALE;
		canvas.height = ascent + descent;
		ctx.font = font;
		ctx.direction = isRightToLeft(text) ? 'rtl' : 'ltr';
		ctx.textAlign = 'left';
		ctx.fillStyle = `rgb(${color.red * 255} ${color.green * 255} ${color.blue * 255})`;
		ctx.fillText(text, 2 * SCALE, ascent);
		const png = await this.doc.embedPng(canvas.toDataURL('image/png'));
		const w = canvas.width / SCALE;
		this.tagger.artifact(() =>
			page.drawImage(png, {
				x: (W - w) / 2,
				y: y - descent / SCALE,
				width: w,
				height: canvas.height / SCALE,
			}),
		);
		let x = (W - width) / 2;
		this.tagger.begin(el);
		for (const r of runs) {
			page.drawText(r.text, { x, y, size, font: r.font, opacity: 0 });
			x += r.width;
		}
		this.tagger.end();
	}

	/** Draws one line centred, as content of the structure element `el`. */
	async draw(page: PDFPage, el: Element, text: string, y: number, size: number, color = INK) {
		if (NEEDS_SHAPING.test(text)) return this.drawShaped(page, text, y, size, color, el);
		const { runs, width } = await this.layout(text, size);
		let x = (W - width) / 2;
		this.tagger.begin(el);
		for (const r of runs) {
			page.drawText(r.text, { x, y, size, font: r.font, color });
			x += r.width;
		}
		this.tagger.end();
	}

	/** Draws centred, wrapped at word boundaries to `maxWidth`; returns the y below the last line. */
	async drawWrapped(
		page: PDFPage,
		el: Element,
		text: string,
		y: number,
		size: number,
		maxWidth: number,
		color = INK,
	) {
		const words = text.split(/\s+/);
		const lines: string[] = [];
		let line = '';
		for (const word of words) {
			const candidate = line ? `${line} ${word}` : word;
			if (line && (await this.layout(candidate, size)).width > maxWidth) {
				lines.push(line);
				line = word;
			} else line = candidate;
		}
		if (line) lines.push(line);
		let at = y;
		for (const l of lines) {
			await this.draw(page, el, l, at, size, color);
			at -= size * 1.35;
		}
		return at;
	}
}

/** The certificate's texts, top to bottom: the order they are drawn and read. */
function certificateTexts(c: PdfCertificate) {
	return {
		organisation: c.organisation,
		heading: 'Certificate of completion',
		certifies: 'This certifies that',
		name: c.learnerName,
		completed: 'has completed',
		title: c.title,
		provisions: `Provisions covered: ${c.provisions.join(', ')}`,
		signatory: c.signatory ? `Programme owner: ${c.signatory}` : undefined,
		facts: `Earned ${c.earnedOn} · score ${c.score} · content ${c.contentVersion} · ${c.quizRevisions}`,
		id: `Certificate ${c.certificateId}`,
		note: 'Self-declared: made in the learner’s browser, not countersigned by the organisation. Check the record at',
		verify: `${c.verifyUrl} with the credential file (Open Badges 3.0 JSON) or its verification link.`,
	};
}

export async function certificatePdf(
	c: PdfCertificate,
	base: string,
	source: FontSource = siteFontSource(base),
): Promise<Uint8Array> {
	const faces = await source.faces();
	const t = certificateTexts(c);

	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	// Shown as the window title (ViewerPreferences /DisplayDocTitle true).
	doc.setTitle(`Certificate: ${c.title}`, { showInWindowTitleBar: true });
	doc.setAuthor(c.organisation);
	doc.setSubject(`${c.learnerName} completed ${c.title} (${c.siteName}), certificate ${c.certificateId}`);
	doc.setKeywords(['certificate', 'AI security', 'Code of Practice', c.certificateId, ...c.provisions]);
	doc.setCreator(c.siteName);
	doc.setProducer(`${c.siteName} (pdf-lib)`);
	doc.setLanguage('en');
	doc.setCreationDate(new Date());

	const page = doc.addPage([W, H]);
	const tagger = new Tagger(doc, page);
	const fonts = new FontSet(doc, faces, source, tagger);
	// Frame: two rules, as on the printed page. Decoration, so an artifact.
	tagger.artifact(() => {
		page.drawRectangle({
			x: 57,
			y: 57,
			width: W - 114,
			height: H - 114,
			borderColor: ACCENT,
			borderWidth: 2.5,
		});
		page.drawRectangle({
			x: 65,
			y: 65,
			width: W - 130,
			height: H - 130,
			borderColor: ACCENT,
			borderWidth: 0.75,
		});
	});

	const p = () => tagger.element('P');
	await fonts.draw(page, p(), t.organisation, H - 110, 13, SOFT);
	await fonts.draw(page, tagger.element('H1'), t.heading, H - 150, 30, ACCENT);
	await fonts.draw(page, p(), t.certifies, H - 190, 12, SOFT);
	await fonts.draw(page, p(), t.name, H - 232, 30);
	await fonts.draw(page, p(), t.completed, H - 262, 12, SOFT);
	let y = await fonts.drawWrapped(page, p(), t.title, H - 292, 17, W - 220);
	y = await fonts.drawWrapped(page, p(), t.provisions, y - 4, 9, W - 220, SOFT);
	if (t.signatory) await fonts.draw(page, p(), t.signatory, 174, 10, SOFT);
	await fonts.draw(page, p(), t.facts, 150, 10, SOFT);
	await fonts.draw(page, p(), t.id, 132, 10, SOFT);
	const note = p();
	await fonts.draw(page, note, t.note, 104, 8, SOFT);
	await fonts.draw(page, note, t.verify, 92, 8, ACCENT);
	tagger.finish();
	await fonts.embedAll();
	return doc.save();
}
