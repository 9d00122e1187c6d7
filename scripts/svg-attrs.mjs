// SVG presentation attributes written in React's camelCase (strokeWidth) are passed through
// unchanged by MDX in Astro, and browsers ignore them. This lists them and, with --fix, rewrites
// them to their real hyphenated names (stroke-width). Used by `npm run fix:svg` and the content tests.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CAMEL_SVG_ATTRS = [
	'strokeWidth',
	'strokeLinecap',
	'strokeLinejoin',
	'strokeDasharray',
	'strokeDashoffset',
	'strokeOpacity',
	'strokeMiterlimit',
	'fillOpacity',
	'fillRule',
	'clipRule',
	'clipPath',
	'fontSize',
	'fontWeight',
	'fontFamily',
	'fontStyle',
	'textAnchor',
	'dominantBaseline',
	'alignmentBaseline',
	'markerEnd',
	'markerStart',
	'markerMid',
	'stopColor',
	'stopOpacity',
	'letterSpacing',
	'textDecoration',
	'vectorEffect',
	'paintOrder',
];
const kebab = (s) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const pattern = new RegExp(`(?<=\\s)(${CAMEL_SVG_ATTRS.join('|')})(?==)`, 'g');

export function camelSvgAttrs(text) {
	return [...text.matchAll(pattern)].map((m) => m[1]);
}

export function fixSvgAttrs(text) {
	return text.replace(pattern, (name) => kebab(name));
}

function mdxFiles(dir) {
	return readdirSync(dir).flatMap((n) => {
		const f = join(dir, n);
		return statSync(f).isDirectory() ? mdxFiles(f) : n.endsWith('.mdx') ? [f] : [];
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const fix = process.argv.includes('--fix');
	let found = 0;
	for (const file of mdxFiles(new URL('../content', import.meta.url).pathname)) {
		const text = readFileSync(file, 'utf8');
		const bad = camelSvgAttrs(text);
		if (bad.length === 0) continue;
		found += bad.length;
		if (fix) writeFileSync(file, fixSvgAttrs(text));
		console.log(`${fix ? 'fixed' : 'found'} ${bad.length} in ${file}: ${[...new Set(bad)].join(', ')}`);
	}
	if (!fix && found > 0) process.exit(1);
}
