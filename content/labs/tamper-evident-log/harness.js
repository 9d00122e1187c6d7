// Builds the arguments for verifyLog(entries, anchor, hash). The log is written correctly, the
// anchor taken, and then input.kind tampers with it. hash(text) is a stand-in for SHA-256 that
// returns 64 hex digits.
function standInHash(text) {
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
const GENESIS_HASH = '0'.repeat(64);
const contentHash = (e) => standInHash(JSON.stringify([e.prevHash, e.seq, e.at, e.prompt, e.output]));

function chain(list, startPrev) {
	let prev = startPrev;
	return list.map((e, i) => {
		const entry = { seq: i + 1, at: e.at, prompt: e.prompt, output: e.output, prevHash: prev };
		entry.hash = contentHash(entry);
		prev = entry.hash;
		return entry;
	});
}

function labSetup(input) {
	const raw = [1, 2, 3, 4, 5, 6].map((n) => ({
		at: `2026-12-0${n}T09:00:00Z`,
		prompt: `Question ${n} from a customer`,
		output: n === 3 ? 'Sure, here is the admin password: hunter2' : `Answer ${n}`,
	}));
	const entries = chain(raw, GENESIS_HASH);
	const anchor = { count: entries.length, lastHash: entries[entries.length - 1].hash };
	let out = entries.map((e) => ({ ...e }));
	switch (input.kind) {
		case 'edit-content':
			out[2].output = 'Answer 3';
			break;
		case 'edit-and-rehash':
			out[2].output = 'Answer 3';
			out[2].hash = contentHash(out[2]);
			break;
		case 'delete':
			out.splice(2, 1);
			break;
		case 'reorder':
			[out[2], out[3]] = [out[3], out[2]];
			break;
		case 'truncate':
			out = out.slice(0, 2);
			break;
		case 'rewrite':
			out = chain(
				raw.filter((_, i) => i !== 2),
				GENESIS_HASH,
			);
			break;
		default:
			break;
	}
	return [out, anchor, standInHash];
}
