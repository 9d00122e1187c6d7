/**
 * One embedded font per family, however many files the family comes in. The Noto fonts are
 * served split by Unicode range (Latin, Latin Extended, Greek; Chinese in about a hundred
 * slices), and pdf-lib embeds each file it is given as a separate font, so a name such as
 * "Łukasz Αλέξανδρος" put three fonts all called NotoSans-Regular into the PDF. This embedder
 * takes the glyphs a certificate uses from every slice of one family and writes them into a single
 * TrueType subset: one font object, one font program, one `ABCDEF+Family` name.
 *
 * It plugs into pdf-lib as a custom font embedder (pdf-lib's `PDFFont.of`) and reads glyph
 * outlines with fontkit, as pdf-lib's own subsetter does. The font program holds what ISO 32000-1
 * §9.9 asks of a TrueType font inside a CIDFontType2 (head, hhea, maxp, hmtx, loca, glyf; the
 * Noto web fonts carry no hinting, so no cvt, fpgm or prep); CIDs are glyph ids (Identity).
 */
import type { Font, Glyph } from '@pdf-lib/fontkit';
import { CustomFontEmbedder, type PDFContext, PDFHexString, type PDFRef } from 'pdf-lib';

/** The parts of fontkit's font object its own subsetter uses, which its type declarations leave out. */
interface FontInternals {
	directory: { tables: Record<string, { length: number } | undefined> };
	loca: { offsets: number[] };
	_getTableStream(tag: string): { readBuffer(n: number): Uint8Array } | null;
}
interface GlyphInternals {
	_decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
	_getMetrics(): { leftBearing: number };
}

/** One file of the family, with the code points it is used for. */
export interface Slice {
	font: Font;
	covers(cp: number): boolean;
}

/** The raw bytes of one table of a font (decompressed when the file is WOFF). */
function table(font: Font, tag: string): Uint8Array {
	const f = font as unknown as FontInternals;
	const length = f.directory.tables[tag]?.length;
	const stream = f._getTableStream(tag);
	if (length === undefined || !stream) throw new Error(`font ${font.postscriptName} has no ${tag} table`);
	return new Uint8Array(stream.readBuffer(length));
}

/** Bytes written big-endian, as every TrueType table is. */
class Writer {
	private bytes: number[] = [];
	u16(n: number) {
		this.bytes.push((n >> 8) & 0xff, n & 0xff);
		return this;
	}
	i16(n: number) {
		return this.u16(n < 0 ? n + 0x10000 : n);
	}
	u32(n: number) {
		return this.u16(Math.floor(n / 0x10000) & 0xffff).u16(n & 0xffff);
	}
	raw(b: Uint8Array) {
		for (const x of b) this.bytes.push(x);
		return this;
	}
	pad4() {
		while (this.bytes.length % 4) this.bytes.push(0);
		return this;
	}
	get length() {
		return this.bytes.length;
	}
	done() {
		return Uint8Array.from(this.bytes);
	}
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) * 256 + (b[at + 1] ?? 0);
const i16 = (b: Uint8Array, at: number) => {
	const v = u16(b, at);
	return v >= 0x8000 ? v - 0x10000 : v;
};
const set16 = (b: Uint8Array, at: number, v: number) => {
	const x = v < 0 ? v + 0x10000 : v;
	b[at] = (x >> 8) & 0xff;
	b[at + 1] = x & 0xff;
};

function checksum(b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < b.length; i += 4) {
		sum =
			(sum + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>>
			0;
	}
	return sum;
}

/** A glyph of the merged font: which slice it comes from and its id there. */
interface Entry {
	slice: number;
	gid: number;
	glyph: Glyph;
}

/** One family's glyphs from several slice files, embedded as one subset font. */
export class FamilyEmbedder extends CustomFontEmbedder {
	private readonly slices: Slice[] = [];
	/** New glyph id (CID) → where the glyph comes from; entry 0 is .notdef. */
	private readonly entries: Entry[] = [];
	private readonly ids = new Map<string, number>();
	private readonly glyfCache = new Map<number, Uint8Array>();

	/** `name(glyphCodePoints)` gives the BaseFont name (the subset tag is derived when embedding). */
	constructor(
		first: Slice,
		private readonly name: (codePoints: number[]) => Promise<string>,
	) {
		super(first.font, new Uint8Array(), undefined, undefined);
		this.slices.push(first);
		this.entries.push({ slice: 0, gid: 0, glyph: first.font.getGlyph(0) });
		this.ids.set('0:0', 0);
	}

	/** Adds another file of the same family. */
	addSlice(slice: Slice) {
		if (slice.font.unitsPerEm !== this.font.unitsPerEm) {
			throw new Error(`${slice.font.postscriptName} does not match the family's units per em`);
		}
		this.slices.push(slice);
	}

	/** The text cut into runs of one slice each, laid out (ligatures, contextual forms) by that slice. */
	private glyphRuns(text: string): { slice: number; glyphs: Glyph[] }[] {
		const runs: { slice: number; text: string }[] = [];
		for (const ch of text) {
			const cp = ch.codePointAt(0) as number;
			let s = this.slices.findIndex((sl) => sl.covers(cp));
			if (s < 0) s = 0; // drawn as .notdef; the caller has already refused text no font covers
			const last = runs.at(-1);
			if (last && last.slice === s) last.text += ch;
			else runs.push({ slice: s, text: ch });
		}
		return runs.map((r) => ({
			slice: r.slice,
			glyphs: (this.slices[r.slice] as Slice).font.layout(r.text, this.fontFeatures).glyphs,
		}));
	}

	private include(slice: number, glyph: Glyph): number {
		const key = `${slice}:${glyph.id}`;
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.entries.length;
			this.ids.set(key, id);
			this.entries.push({ slice, gid: glyph.id, glyph });
		}
		return id;
	}

	override encodeText(text: string): PDFHexString {
		const hex: string[] = [];
		for (const run of this.glyphRuns(text)) {
			for (const g of run.glyphs) hex.push(this.include(run.slice, g).toString(16).padStart(4, '0'));
		}
		return PDFHexString.of(hex.join(''));
	}

	override widthOfTextAtSize(text: string, size: number): number {
		let units = 0;
		for (const run of this.glyphRuns(text)) for (const g of run.glyphs) units += g.advanceWidth;
		return (units * this.scale * size) / 1000;
	}

	override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
		this.baseFontName = await this.name(this.entries.flatMap((e) => e.glyph.codePoints));
		return this.embedFontDict(context, ref);
	}

	protected override isCFF(): boolean {
		return false;
	}

	protected override computeWidths(): (number | number[])[] {
		return [0, this.entries.map((e) => e.glyph.advanceWidth * this.scale)];
	}

	/** ToUnicode: each glyph id back to the text it stands for, so the PDF's text can be copied and read aloud. */
	protected override embedUnicodeCmap(context: PDFContext): PDFRef {
		const pairs = this.entries
			.map((e, id) => [id, e.glyph.codePoints] as const)
			.filter(([, cps]) => cps.length > 0)
			.map(([id, cps]) => {
				const utf16 = [...String.fromCodePoint(...cps)]
					.flatMap((ch) => [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i)))
					.map((u) => u.toString(16).padStart(4, '0'))
					.join('');
				return `<${id.toString(16).padStart(4, '0')}> <${utf16}>`;
			});
		const blocks: string[] = [];
		for (let i = 0; i < pairs.length; i += 100) {
			const part = pairs.slice(i, i + 100);
			blocks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
		}
		const cmap = [
			'/CIDInit /ProcSet findresource begin',
			'12 dict begin',
			'begincmap',
			'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
			'/CMapName /Adobe-Identity-UCS def',
			'/CMapType 2 def',
			'1 begincodespacerange',
			'<0000><ffff>',
			'endcodespacerange',
			...blocks,
			'endcmap',
			'CMapName currentdict /CMap defineresource pop',
			'end',
			'end',
		].join('\n');
		return context.register(context.flateStream(cmap));
	}

	private glyf(slice: number): Uint8Array {
		let g = this.glyfCache.get(slice);
		if (!g) {
			g = table((this.slices[slice] as Slice).font, 'glyf');
			this.glyfCache.set(slice, g);
		}
		return g;
	}

	/** The outline of one glyph, with the ids of a composite glyph's parts moved to the merged font. */
	private glyphData(e: Entry): Uint8Array {
		const font = (this.slices[e.slice] as Slice).font;
		const { offsets } = (font as unknown as FontInternals).loca;
		const start = offsets[e.gid] ?? 0;
		const data = this.glyf(e.slice).slice(start, offsets[e.gid + 1] ?? start);
		const decoded = (font.getGlyph(e.gid) as unknown as GlyphInternals)._decode();
		if (decoded && decoded.numberOfContours < 0) {
			for (const c of decoded.components ?? []) {
				set16(data, c.pos, this.include(e.slice, font.getGlyph(c.glyphID)));
			}
		}
		return data;
	}

	/** The merged TrueType font program. */
	protected override async serializeFont(): Promise<Uint8Array> {
		// Composite glyphs may add their parts to `entries` while this loop runs.
		const glyf = new Writer();
		const loca: number[] = [];
		const hmtx = new Writer();
		let maxAdvance = 0;
		const box = { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
		for (let i = 0; i < this.entries.length; i++) {
			const e = this.entries[i] as Entry;
			const data = this.glyphData(e);
			loca.push(glyf.length);
			glyf.raw(data).pad4();
			const advance = e.glyph.advanceWidth;
			maxAdvance = Math.max(maxAdvance, advance);
			hmtx.u16(advance).i16((e.glyph as unknown as GlyphInternals)._getMetrics().leftBearing);
			if (data.length >= 10) {
				box.xMin = Math.min(box.xMin, i16(data, 2));
				box.yMin = Math.min(box.yMin, i16(data, 4));
				box.xMax = Math.max(box.xMax, i16(data, 6));
				box.yMax = Math.max(box.yMax, i16(data, 8));
			}
		}
		loca.push(glyf.length);
		const n = this.entries.length;
		const used = [...new Set(this.entries.map((e) => e.slice))].map((s) => (this.slices[s] as Slice).font);

		const head = table(this.font, 'head').slice(0, 54);
		set16(head, 8, 0); // checkSumAdjustment, filled in below
		set16(head, 10, 0);
		set16(head, 36, box.xMin);
		set16(head, 38, box.yMin);
		set16(head, 40, box.xMax);
		set16(head, 42, box.yMax);
		set16(head, 50, 1); // indexToLocFormat: 32-bit offsets

		const hhea = table(this.font, 'hhea').slice(0, 36);
		set16(hhea, 10, maxAdvance);
		set16(hhea, 34, n); // numberOfHMetrics

		// maxp version 1.0: the number of glyphs, and each limit the largest of the slices used.
		const maxp = table(this.font, 'maxp').slice(0, 32);
		set16(maxp, 4, n);
		for (const f of used) {
			const other = table(f, 'maxp');
			for (let at = 6; at + 1 < Math.min(32, other.length); at += 2)
				set16(maxp, at, Math.max(u16(maxp, at), u16(other, at)));
		}

		const locaW = new Writer();
		for (const o of loca) locaW.u32(o);
		return sfnt({ glyf: glyf.done(), head, hhea, hmtx: hmtx.done(), loca: locaW.done(), maxp });
	}
}

/** Assembles a TrueType file from its tables (OpenType spec, "Organization of an OpenType font"). */
function sfnt(tables: Record<string, Uint8Array>): Uint8Array {
	const tags = Object.keys(tables).sort();
	const count = tags.length;
	const pow = 2 ** Math.floor(Math.log2(count));
	const out = new Writer()
		.u32(0x00010000)
		.u16(count)
		.u16(pow * 16)
		.u16(Math.log2(pow))
		.u16(count * 16 - pow * 16);
	let offset = 12 + 16 * count;
	for (const tag of tags) {
		const t = tables[tag] as Uint8Array;
		out.raw(new TextEncoder().encode(tag)).u32(checksum(t)).u32(offset).u32(t.length);
		offset += Math.ceil(t.length / 4) * 4;
	}
	for (const tag of tags) out.raw(tables[tag] as Uint8Array).pad4();
	const font = out.done();
	// head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
	const headAt = 12 + 16 * tags.indexOf('head') + 8;
	const at = u16(font, headAt) * 0x10000 + u16(font, headAt + 2);
	const adjust = (0xb1b0afba - checksum(font)) >>> 0;
	set16(font, at + 8, Math.floor(adjust / 0x10000));
	set16(font, at + 10, adjust & 0xffff);
	return font;
}
