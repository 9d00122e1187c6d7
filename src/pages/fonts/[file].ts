/** Font files for the PDF certificate, copied from node_modules at build time (see lib/pdf-fonts.ts). */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfFonts } from '../../lib/pdf-fonts.ts';

export const getStaticPaths = (() =>
	pdfFonts().map((f) => ({
		params: { file: f.file },
		props: { source: f.source },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(readFileSync(props.source), { headers: { 'Content-Type': 'font/woff' } });
