/**
 * Draws the installed app's icons (public/icons/*.png, listed by the web app manifest): the site's
 * shield and tick, the same shape as public/favicon.svg, rasterised here and written as PNG. The
 * committed icons use the default accent; a team that changes `theme.accent` can redraw them:
 *
 *   node scripts/make-icons.ts            # the accent in academy.config.yaml (ACADEMY_CONFIG)
 *   node scripts/make-icons.ts '#7a1f5c'  # any #rrggbb colour
 *
 * No dependencies: a scanline fill for the shield, a distance test for the tick, node:zlib for PNG.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { loadSiteConfig } from '../src/lib/site-config.ts';

type Point = [number, number];

/** Points along a cubic Bézier curve (end point included, start point not). */
function cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps = 24): Point[] {
	const out: Point[] = [];
	for (let i = 1; i <= steps; i++) {
		const t = i / steps;
		const u = 1 - t;
		out.push([
			u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
			u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
		]);
	}
	return out;
}

/** The favicon's shield, `M16 2 4 7v8c0 7.5 5.1 13.6 12 15 6.9-1.4 12-7.5 12-15V7z`, in 32-unit space. */
const SHIELD: Point[] = [
	[16, 2],
	[4, 7],
	[4, 15],
	...cubic([4, 15], [4, 22.5], [9.1, 28.6], [16, 30]),
	...cubic([16, 30], [22.9, 28.6], [28, 22.5], [28, 15]),
	[28, 7],
];
/** The favicon's tick, `m11 16 3.5 3.5L21.5 12`, stroke width 3 with round ends. */
const TICK: Point[] = [
	[11, 16],
	[14.5, 19.5],
	[21.5, 12],
];

function hex(colour: string): [number, number, number] {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
	if (!m) throw new Error(`theme.accent must be a #rrggbb colour for the app icons, got "${colour}"`);
	return [
		Number.parseInt(m[1] as string, 16),
		Number.parseInt(m[2] as string, 16),
		Number.parseInt(m[3] as string, 16),
	];
}

/** Fraction of each pixel inside the polygon (4 sub-rows per pixel, exact horizontal coverage). */
function fillCoverage(poly: Point[], size: number, map: (p: Point) => Point): Float32Array {
	const cov = new Float32Array(size * size);
	const pts = poly.map(map);
	const SUB = 4;
	for (let row = 0; row < size * SUB; row++) {
		const y = (row + 0.5) / SUB;
		const xs: number[] = [];
		for (let i = 0; i < pts.length; i++) {
			const [x1, y1] = pts[i] as Point;
			const [x2, y2] = pts[(i + 1) % pts.length] as Point;
			if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
		}
		xs.sort((a, b) => a - b);
		const py = Math.floor(y);
		for (let k = 0; k + 1 < xs.length; k += 2) {
			const a = Math.max(0, xs[k] as number);
			const b = Math.min(size, xs[k + 1] as number);
			for (let px = Math.floor(a); px < b; px++) {
				const inside = Math.min(px + 1, b) - Math.max(px, a);
				if (inside > 0) cov[py * size + px] = (cov[py * size + px] as number) + inside / SUB;
			}
		}
	}
	return cov;
}

/** Fraction of each pixel within `half` of the polyline (4×4 samples per pixel). */
function strokeCoverage(line: Point[], half: number, size: number, map: (p: Point) => Point): Float32Array {
	const cov = new Float32Array(size * size);
	const pts = line.map(map);
	const dist = (x: number, y: number) => {
		let best = Number.POSITIVE_INFINITY;
		for (let i = 0; i + 1 < pts.length; i++) {
			const [ax, ay] = pts[i] as Point;
			const [bx, by] = pts[i + 1] as Point;
			const t = Math.max(
				0,
				Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
			);
			best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
		}
		return best;
	};
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	const x0 = Math.max(0, Math.floor(Math.min(...xs) - half - 1));
	const x1 = Math.min(size, Math.ceil(Math.max(...xs) + half + 1));
	const y0 = Math.max(0, Math.floor(Math.min(...ys) - half - 1));
	const y1 = Math.min(size, Math.ceil(Math.max(...ys) + half + 1));
	for (let py = y0; py < y1; py++) {
		for (let px = x0; px < x1; px++) {
			let n = 0;
			for (let sy = 0; sy < 4; sy++)
				for (let sx = 0; sx < 4; sx++) if (dist(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4) <= half) n++;
			cov[py * size + px] = n / 16;
		}
	}
	return cov;
}

/** A PNG file (RGBA, 8 bits per channel) from raw pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
	const chunk = (type: string, data: Uint8Array) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 6, 0, 0, 0], 8);
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (width * 4 + 1)] = 0; // filter: none
		raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
	}
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(raw, { level: 9 })),
			chunk('IEND', new Uint8Array()),
		]),
	);
}

/**
 * The app icon as a PNG. `any`: the accent shield with a white tick on a transparent square.
 * `maskable`: a full-bleed accent square with a white shield and accent tick inside the central
 * 60 %, well within the safe zone (a circle of 80 % of the width) that launchers may crop to.
 */
export function appIconPng(size: number, accent: string, purpose: 'any' | 'maskable'): Uint8Array {
	const colour = hex(accent);
	const white: [number, number, number] = [255, 255, 255];
	const scale = purpose === 'maskable' ? (size * 0.6) / 28 : size / 32;
	const offset = purpose === 'maskable' ? size / 2 - 16 * scale : 0;
	const map = ([x, y]: Point): Point => [offset + x * scale, offset + y * scale];
	const shield = fillCoverage(SHIELD, size, map);
	const tick = strokeCoverage(TICK, 1.5 * scale, size, map);
	const [shieldColour, tickColour] = purpose === 'maskable' ? [white, colour] : [colour, white];
	const px = new Uint8Array(size * size * 4);
	for (let i = 0; i < size * size; i++) {
		const s = Math.min(1, shield[i] as number);
		const t = Math.min(s, tick[i] as number);
		// Tick over shield over background (transparent, or the accent for a maskable icon).
		const bg = purpose === 'maskable' ? colour : undefined;
		const over = (c: number) => (shieldColour[c] as number) * (s - t) + (tickColour[c] as number) * t;
		if (bg) {
			for (let c = 0; c < 3; c++) px[i * 4 + c] = Math.round(over(c) + (bg[c] as number) * (1 - s));
			px[i * 4 + 3] = 255;
		} else {
			for (let c = 0; c < 3; c++) px[i * 4 + c] = s > 0 ? Math.round(over(c) / s) : 0;
			px[i * 4 + 3] = Math.round(s * 255);
		}
	}
	return encodePng(size, size, px);
}

/** The icons the web app manifest lists (src/pages/manifest.webmanifest.ts). */
const APP_ICONS = [
	{ file: 'icon-192.png', size: 192, purpose: 'any' },
	{ file: 'icon-512.png', size: 512, purpose: 'any' },
	{ file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const;

if (import.meta.main) {
	const accent = process.argv[2] ?? loadSiteConfig().theme.accent;
	for (const icon of APP_ICONS) {
		const path = new URL(`../public/icons/${icon.file}`, import.meta.url);
		writeFileSync(path, appIconPng(icon.size, accent, icon.purpose));
		console.log(`wrote public/icons/${icon.file} (${icon.size} px, ${icon.purpose}, ${accent})`);
	}
}
