/**
 * CSV for spreadsheets, safe against formula injection: RFC 4180 quoting, CRLF line ends, and a
 * UTF-8 byte-order mark so Excel reads names in any script.
 *
 * Formula injection (CWE-1236): a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return, which some applications skip before looking). A learner could name themselves
 * `=HYPERLINK("https://evil.example","Click")`. Such text cells get a leading apostrophe, which
 * spreadsheets show as plain text, as OWASP recommends. Numbers are written as numbers.
 */

export type CsvValue = string | number | boolean | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could start a formula, quoted if it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document (header row first), with a byte-order mark and CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
	return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** True when a spreadsheet would treat the text as a formula (the same test csvCell applies). */
export const looksLikeFormula = (text: string) => FORMULA_START.test(text);
