import { describe, expect, test } from 'vitest';
import {
	type FontFace,
	isRightToLeft,
	parseUnicodeRange,
	splitRuns,
	visualRuns,
} from '../../../src/core/certificates/font-runs.ts';
import { pdfFonts } from '../../../src/lib/pdf-fonts.ts';

const faces: FontFace[] = [
	{ file: 'latin.woff', ranges: parseUnicodeRange('U+0000-00FF,U+2000-206F') },
	{ file: 'greek.woff', ranges: parseUnicodeRange('U+0370-03FF') },
	{ file: 'arabic.woff', ranges: parseUnicodeRange('U+0600-06FF') },
];

describe('unicode-range parsing', () => {
	test('single points, ranges and wildcards', () => {
		expect(parseUnicodeRange('U+0131, U+0000-00FF,U+4E??')).toEqual([
			[0x131, 0x131],
			[0, 0xff],
			[0x4e00, 0x4eff],
		]);
	});
	test('garbage is refused', () => {
		expect(() => parseUnicodeRange('U+00FF-0000')).toThrow(/bad unicode-range/);
		expect(() => parseUnicodeRange('U+XYZ')).toThrow(/bad unicode-range/);
	});
});

describe('runs', () => {
	test('consecutive characters of one file form one run; uncovered ones are reported', () => {
		expect(splitRuns('Zoë Αλέξη ☃', faces)).toEqual({
			runs: [
				{ file: 'latin.woff', text: 'Zoë ' },
				{ file: 'greek.woff', text: 'Αλέξη' },
				{ file: 'latin.woff', text: ' ' },
			],
			missing: ['☃'],
		});
	});
	test('a file that lacks a character its range claims is passed over for that character only', () => {
		const both: FontFace[] = [
			{ file: 'slice-a.woff', ranges: parseUnicodeRange('U+4E00-9FFF') },
			{ file: 'slice-b.woff', ranges: parseUnicodeRange('U+5C00-5CFF') },
		];
		const lacks = (file: string, cp: number) => file === 'slice-a.woff' && cp === 0x5c0f;
		expect(splitRuns('王小明', both, lacks).runs).toEqual([
			{ file: 'slice-a.woff', text: '王' },
			{ file: 'slice-b.woff', text: '小' },
			{ file: 'slice-a.woff', text: '明' },
		]);
		// Without the knowledge, the first file that claims it is used; lacking in every file, it is missing.
		expect(splitRuns('小', both).runs).toEqual([{ file: 'slice-a.woff', text: '小' }]);
		expect(splitRuns('小', both, () => true)).toEqual({ runs: [], missing: ['小'] });
	});
	test('direction follows the first strong letter', () => {
		expect(isRightToLeft('فاطمة Smith')).toBe(true);
		expect(isRightToLeft('12 Smith فاطمة')).toBe(false);
		expect(isRightToLeft('שרה')).toBe(true);
	});
	test('a right-to-left name has its runs drawn from the right', () => {
		const { runs } = visualRuns('فاطمة الزهراء', faces);
		expect(runs.map((r) => r.text)).toEqual(['الزهراء', ' ', 'فاطمة']);
	});
});

describe('the fonts the site ships for PDFs', () => {
	const shipped = pdfFonts();
	test.each([
		['Latin with accents', 'Łukasz Żółć Ørsted'],
		['Greek', 'Αλέξανδρος Παπαδόπουλος'],
		['Cyrillic', 'Ольга Иванова'],
		['Vietnamese', 'Nguyễn Thị Minh Khai'],
		['Arabic', 'فاطمة الزهراء'],
		['Hebrew', 'שרה כהן'],
		['Chinese', '王小明'],
		['Japanese', 'さくら たなか'],
		['Korean', '김민준'],
		['Hindi', 'अनीता शर्मा'],
	])('cover %s', (_script, name) => {
		expect(splitRuns(name, shipped).missing).toEqual([]);
	});
	test('every file is a WOFF that exists (fontkit cannot subset WOFF2)', () => {
		expect(shipped.every((f) => f.file.endsWith('.woff'))).toBe(true);
		expect(new Set(shipped.map((f) => f.file)).size).toBe(shipped.length);
	});
});
