/**
 * Packing data into links: deflate-raw (CompressionStream, in browsers and Node alike), then
 * base64url, so a record or an assignment fits in a URL fragment. Unpacking refuses malformed
 * text and stops decompressing past a size limit, so a crafted link cannot exhaust memory.
 */

/** Default ceiling for unpacked text. */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024;

async function pipeThrough(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream,
	limit: number,
) {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > limit) {
			await reader.cancel();
			throw new RangeError('too large');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

const b64url = (bytes: Uint8Array) => {
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

/** Compact, URL-safe text for a link: deflate-raw, then base64url. */
export async function packForLink(text: string): Promise<string> {
	return b64url(
		await pipeThrough(
			new TextEncoder().encode(text),
			new CompressionStream('deflate-raw'),
			Number.POSITIVE_INFINITY,
		),
	);
}

/** The reverse of packForLink, refusing anything malformed or that expands past `maxBytes`. */
export async function unpackFromLink(packed: string, maxBytes = MAX_UNPACKED_BYTES): Promise<string> {
	if (!/^[A-Za-z0-9_-]+$/.test(packed))
		throw new SyntaxError('the link contains characters a packed record never has');
	if (packed.length > maxBytes) throw new RangeError('too large');
	const bin = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
	const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
	const out = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), maxBytes);
	return new TextDecoder('utf-8', { fatal: true }).decode(out);
}
