// entries: [{ seq, at, prompt, output, prevHash, hash }, ...] in order; the first prevHash is GENESIS.
// anchor: { count, lastHash } copied every evening to a write-once store.
// hash(text) returns 64 hex digits.
const GENESIS = '0'.repeat(64);

function entryHash(e, hash) {
	return hash(JSON.stringify([e.prevHash, e.seq, e.at, e.prompt, e.output]));
}

function verifyLog(entries, anchor, hash) {
	for (let i = 0; i < entries.length; i++) {
		if (entryHash(entries[i], hash) !== entries[i].hash) {
			return { ok: false, firstBadIndex: i, problem: 'content does not match its hash' };
		}
	}
	return { ok: true };
}
