// Builds the arguments for loadModelBlob(manifest, store). The store's sha256 is a stand-in that
// returns 64 hex digits that change with the text (the lab only needs "same text, same digest").
// input.mode: "genuine" | "tampered" (the file holds other bytes) | "swap-after-first-read"
// (the file changes between the first and second read: a check-then-use gap).
function stand_inDigest(text) {
	let out = '';
	for (let round = 0; round < 8; round++) {
		let h = (0x811c9dc5 ^ (round * 0x9e3779b9)) >>> 0;
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193) >>> 0;
		}
		out += h.toString(16).padStart(8, '0');
	}
	return out;
}

function labSetup(input, record) {
	const genuine = input.blob;
	const digest = input.digest === 'genuine' ? `sha256:${stand_inDigest(genuine)}` : input.digest;
	let reads = 0;
	const store = {
		read(path) {
			record('read', { path: String(path) });
			reads++;
			if (input.mode === 'tampered') return input.evil;
			if (input.mode === 'swap-after-first-read' && reads > 1) return input.evil;
			return genuine;
		},
		sha256(text) {
			return stand_inDigest(String(text));
		},
	};
	return [{ name: 'support-bot-7b', digest }, store];
}
