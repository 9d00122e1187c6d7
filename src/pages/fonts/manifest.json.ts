/** Which font file covers which characters: read by the PDF certificate before it fetches fonts. */
import type { APIRoute } from 'astro';
import type { FontFace } from '../../core/certificates/font-runs.ts';
import { pdfFonts } from '../../lib/pdf-fonts.ts';

export const GET: APIRoute = () => {
	const faces: FontFace[] = pdfFonts().map(({ file, ranges }) => ({ file, ranges }));
	return new Response(JSON.stringify({ faces }), { headers: { 'Content-Type': 'application/json' } });
};
