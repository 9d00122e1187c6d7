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

/** Standard base64 of bytes (in chunks, so large inputs do not overflow the argument list). */
export function bytesToBase64(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin);
}

/** Bytes from standard base64; throws on text that is not base64. */
export function base64ToBytes(b64: string): Uint8Array {
	return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

const b64url = (bytes: Uint8Array) =>
	bytesToBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

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
	const bytes = base64ToBytes(packed.replaceAll('-', '+').replaceAll('_', '/'));
	const out = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), maxBytes);
	return new TextDecoder('utf-8', { fatal: true }).decode(out);
}
