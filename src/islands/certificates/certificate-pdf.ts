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
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type FontFace, isRightToLeft, visualRuns } from '../../core/certificates/font-runs.ts';

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

class FontSet {
	private embedded = new Map<string, Promise<PDFFont>>();
	private loaded = new Map<string, Promise<string>>();
	constructor(
		private doc: PDFDocument,
		private faces: FontFace[],
		private base: string,
	) {}

	private font(file: string): Promise<PDFFont> {
		let f = this.embedded.get(file);
		if (!f) {
			f = fetch(`${this.base}fonts/${file}`).then(async (res) => {
				if (!res.ok) throw new Error(`font ${file} could not be loaded (HTTP ${res.status})`);
				return this.doc.embedFont(new Uint8Array(await res.arrayBuffer()), { subset: true });
			});
			this.embedded.set(file, f);
		}
		return f;
	}

	/** Runs of text with their fonts and widths at `size`, in drawing order. */
	async layout(text: string, size: number) {
		const { runs, missing } = visualRuns(text, this.faces);
		if (missing.length) throw new Error(`no font here covers ${missing.slice(0, 5).join(' ')}`);
		const laid = await Promise.all(
			runs.map(async (r) => {
				const font = await this.font(r.file);
				return { text: r.text, font, width: font.widthOfTextAtSize(r.text, size) };
			}),
		);
		return { runs: laid, width: laid.reduce((n, r) => n + r.width, 0) };
	}

	/** Registers a font file with the browser (for canvas drawing); returns its family name. */
	private family(file: string): Promise<string> {
		let f = this.loaded.get(file);
		if (!f) {
			const name = `saa-pdf-${this.loaded.size}`;
			const face = new FontFace(name, `url(${this.base}fonts/${file})`);
			f = face.load().then((loaded) => {
				document.fonts.add(loaded);
				return name;
			});
			this.loaded.set(file, f);
		}
		return f;
	}

	/** Text the browser shapes: drawn as a picture, with the same text invisibly on top. */
	private async drawShaped(page: PDFPage, text: string, y: number, size: number, color: typeof INK) {
		const { runs, width } = await this.layout(text, size);
		const files = [...new Set(visualRuns(text, this.faces).runs.map((r) => r.file))];
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
		page.drawImage(png, { x: (W - w) / 2, y: y - descent / SCALE, width: w, height: canvas.height / SCALE });
		let x = (W - width) / 2;
		for (const r of runs) {
			page.drawText(r.text, { x, y, size, font: r.font, opacity: 0 });
			x += r.width;
		}
	}

	async draw(page: PDFPage, text: string, y: number, size: number, color = INK) {
		if (NEEDS_SHAPING.test(text)) return this.drawShaped(page, text, y, size, color);
		const { runs, width } = await this.layout(text, size);
		let x = (W - width) / 2;
		for (const r of runs) {
			page.drawText(r.text, { x, y, size, font: r.font, color });
			x += r.width;
		}
	}

	/** Draws centred, wrapped at word boundaries to `maxWidth`; returns the y below the last line. */
	async drawWrapped(page: PDFPage, text: string, y: number, size: number, maxWidth: number, color = INK) {
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
			await this.draw(page, l, at, size, color);
			at -= size * 1.35;
		}
		return at;
	}
}

export async function certificatePdf(c: PdfCertificate, base: string): Promise<Uint8Array> {
	const res = await fetch(`${base}fonts/manifest.json`);
	if (!res.ok) throw new Error(`the font list could not be loaded (HTTP ${res.status})`);
	const { faces } = (await res.json()) as { faces: FontFace[] };

	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	doc.setTitle(`Certificate: ${c.title}`, { showInWindowTitleBar: true });
	doc.setAuthor(c.organisation);
	doc.setSubject(`${c.learnerName} completed ${c.title} (${c.siteName}), certificate ${c.certificateId}`);
	doc.setKeywords(['certificate', 'AI security', 'Code of Practice', c.certificateId, ...c.provisions]);
	doc.setCreator(c.siteName);
	doc.setProducer(`${c.siteName} (pdf-lib)`);
	doc.setLanguage('en');
	doc.setCreationDate(new Date());

	const page = doc.addPage([W, H]);
	const fonts = new FontSet(doc, faces, base);
	// Frame: two rules, as on the printed page.
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

	await fonts.draw(page, c.organisation, H - 110, 13, SOFT);
	await fonts.draw(page, 'Certificate of completion', H - 150, 30, ACCENT);
	await fonts.draw(page, 'This certifies that', H - 190, 12, SOFT);
	await fonts.draw(page, c.learnerName, H - 232, 30);
	await fonts.draw(page, 'has completed', H - 262, 12, SOFT);
	let y = await fonts.drawWrapped(page, c.title, H - 292, 17, W - 220);
	y = await fonts.drawWrapped(
		page,
		`Provisions covered: ${c.provisions.join(', ')}`,
		y - 4,
		9,
		W - 220,
		SOFT,
	);
	await fonts.draw(
		page,
		`Earned ${c.earnedOn} · score ${c.score} · content ${c.contentVersion} · ${c.quizRevisions}`,
		150,
		10,
		SOFT,
	);
	await fonts.draw(page, `Certificate ${c.certificateId}`, 132, 10, SOFT);
	await fonts.draw(
		page,
		'Self-declared: made in the learner’s browser, not countersigned by the organisation. Check the record at',
		104,
		8,
		SOFT,
	);
	await fonts.draw(
		page,
		`${c.verifyUrl} with the credential file (Open Badges 3.0 JSON) or its verification link.`,
		92,
		8,
		ACCENT,
	);
	if (c.signatory) await fonts.draw(page, `Programme owner: ${c.signatory}`, 174, 10, SOFT);
	return doc.save();
}
