/**
 * A QR code as one SVG path, so a component can draw it with classes instead of inline styles
 * (the site's Content-Security-Policy forbids those). Encoding is uqr's.
 */
import { encode } from 'uqr';

/** Longest text put in a QR code: beyond this the code gets too dense to scan from paper. */
export const MAX_QR_TEXT = 1_200;

export interface QrShape {
	/** Width and height in modules, quiet zone included. */
	size: number;
	/** Path data: one unit square per dark module. */
	d: string;
}

/** The QR code for `text` (error correction M, a four-module quiet zone), or undefined if too long. */
export function qrShape(text: string): QrShape | undefined {
	if (text.length > MAX_QR_TEXT) return undefined;
	const qr = encode(text, { ecc: 'M', border: 4 });
	let d = '';
	qr.data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		});
	});
	return { size: qr.size, d };
}
