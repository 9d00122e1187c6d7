import { describe, expect, test } from 'vitest';
import { ALTERED_LINK_MESSAGE, linkRecordProblem } from '../../../src/core/certificates/link-problem.ts';
import { credentialTextProblem } from '../../../src/core/certificates/messages.ts';
import { packForLink, unpackFromLink } from '../../../src/core/envelope/link-codec.ts';
import { recognise, recognisedSentence } from '../../../src/core/envelope/sniff.ts';
import { readUntrustedJson } from '../../../src/core/envelope/untrusted-json.ts';
import { decodeImport } from '../../../src/core/progress/codec.ts';
import { openReport } from '../../../src/core/teams/report.ts';

/** Bytes as `File.text()` gives them: decoded as UTF-8, invalid bytes becoming U+FFFD. */
const asText = (bytes: number[] | Uint8Array) => new TextDecoder().decode(new Uint8Array(bytes));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46];
const limits = { maxBytes: 1_000_000, maxDepth: 16 };

describe('recognise: what an input is before any parser sees it', () => {
	test.each([
		['a PNG image', asText(PNG), { kind: 'binary', what: 'png' }],
		['a JPEG image', asText(JPEG), { kind: 'binary', what: 'jpeg' }],
		['a GIF image', 'GIF89a\u0001\u0000', { kind: 'binary', what: 'gif' }],
		['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', { kind: 'binary', what: 'pdf' }],
		['a ZIP (or .docx/.xlsx)', asText([0x50, 0x4b, 3, 4, 20, 0, 6, 0]), { kind: 'binary', what: 'zip' }],
		['gzip', asText([0x1f, 0x8b, 8, 0, 0, 0]), { kind: 'binary', what: 'gzip' }],
		['other binary (NUL bytes)', 'abc\u0000\u0000def', { kind: 'binary', what: 'binary' }],
		['an empty file', '', { kind: 'empty' }],
		['only white space', '  \n\t ', { kind: 'empty' }],
		['a web page', '<!DOCTYPE html><html><body>Sign in</body></html>', { kind: 'html' }],
		['a link', 'https://academy.example/verify/#r=abc', { kind: 'link' }],
		['a JWT', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln', { kind: 'jwt' }],
		['a JWT cut short', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIi', { kind: 'jwt-damaged', parts: 2 }],
		['a JWT with an empty part', 'eyJhbGciOiJub25lIn0.e30.', { kind: 'jwt-damaged', parts: 3 }],
		['JSON cut short', '{"format":"secure-ai-academy/report","v', { kind: 'json-cut-short' }],
		['plain text', 'Dear manager, please find my report attached.', { kind: 'text' }],
	])('%s', (_name, text, expected) => {
		expect(recognise(text)).toEqual(expected);
	});

	test('JSON that may be valid is left to the parser, even when it is not', () => {
		expect(recognise('{"a":1}')).toBeUndefined();
		expect(recognise('  [1, 2]\n')).toBeUndefined();
		expect(recognise('{"a":1,}')).toBeUndefined();
	});

	test('valid JSON is never refused by the guess', () => {
		expect(readUntrustedJson('{"a":"eyJ.x"}', limits)).toEqual({ ok: true, value: { a: 'eyJ.x' } });
	});

	test('a PNG is named, not described as deeply nested JSON', () => {
		const r = readUntrustedJson(asText([...PNG, ...Array(200).fill(0x5b)]), limits);
		expect(r).toEqual({ ok: false, problem: { code: 'looks-like', what: { kind: 'binary', what: 'png' } } });
	});

	test('the sentence names what it is and what was expected', () => {
		expect(recognisedSentence({ kind: 'binary', what: 'pdf' }, 'a learner’s report file')).toBe(
			'This is a PDF document, not a learner’s report file.',
		);
		expect(recognisedSentence({ kind: 'empty' }, 'a progress file')).toBe(
			'This is empty: there is no progress file in it.',
		);
	});
});

describe('features say what the input is, and keep parser detail aside', () => {
	test('a PNG dropped on the team report', async () => {
		const r = await openReport(asText([...PNG, ...Array(40).fill(0x7b)]));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toMatch(
			/^Rejected\. This is a PNG image, not a learner’s report file\. Ask the learner/,
		);
		expect(r.message).not.toMatch(/nested|levels deep/);
	});

	test('a report whose end is missing says it was cut short; the parser words are detail only', async () => {
		const r = await openReport('{"format":"secure-ai-academy/report","v":1,"name":"Unterminated');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toMatch(/its end is missing: it was cut short/);
		expect(r.message).not.toMatch(/position|Unterminated string/);
		expect(r.detail).toMatch(/JSON/);
	});

	test('damaged JSON in a progress import: plain headline, parser text as detail', () => {
		const r = decodeImport('{"format": "secure-ai-academy/progress", "v": 1, oops }');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toMatch(/not valid JSON: it was damaged or edited/);
		expect(r.message).not.toMatch(/position/);
		expect(r.detail).toBeTruthy();
	});

	test('a team report imported as progress is named as such', () => {
		const r = decodeImport('{"format":"secure-ai-academy/report","v":1}');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/^This is an assignment report, not a progress file\./);
	});

	test('an HTML page given as a credential', () => {
		const r = readUntrustedJson('<html><body>Login</body></html>', limits);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(credentialTextProblem(r.problem)).toMatch(/^This is a web page \(HTML\), not a credential\./);
	});

	test('a JWT with an empty part is not "neither JSON nor JWT"', () => {
		const r = readUntrustedJson('eyJhbGciOiJub25lIn0.e30.', limits);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(credentialTextProblem(r.problem)).toMatch(
				/starts like a countersigned credential \(JWT\) but was cut short or altered: one of its three parts is empty/,
			);
	});
});

describe('verification links with a changed character', () => {
	const record = JSON.stringify({
		claim: { achievement: 'p01', score: 0.9 },
		evidence: { attempts: [{ quizId: 'q1', answers: { a: 1, b: [1, 2, 3] } }] },
	});

	test('every one-character change either fails to unpack or is reported as an altered link', async () => {
		const packed = await packForLink(record);
		let altered = 0;
		for (let i = 0; i < packed.length; i++) {
			const changed = `${packed.slice(0, i)}${packed[i] === 'A' ? 'B' : 'A'}${packed.slice(i + 1)}`;
			let text: string;
			try {
				text = await unpackFromLink(changed);
			} catch {
				continue; // the page says "damaged or cut short"
			}
			const problem = linkRecordProblem(text, 1_000_000);
			if (problem) {
				altered++;
				expect(problem.message).toBe(ALTERED_LINK_MESSAGE);
			} else expect(() => JSON.parse(text)).not.toThrow(); // still JSON: the verdict names the edit
		}
		expect(altered).toBeGreaterThan(0);
	});

	test('an intact link, or one carrying crafted JSON, is left to the credential checks', async () => {
		expect(linkRecordProblem(record, 1_000_000)).toBeUndefined();
		expect(linkRecordProblem('{"__proto__":{"x":1}}', 1_000_000)).toBeUndefined();
		expect(linkRecordProblem('{"claim": nope}', 1_000_000)?.message).toBe(ALTERED_LINK_MESSAGE);
	});
});
