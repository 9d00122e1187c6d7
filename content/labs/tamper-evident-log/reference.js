// entries: [{ seq, at, prompt, output, prevHash, hash }, ...] in order; the first prevHash is GENESIS.
// anchor: { count, lastHash } copied every evening to a write-once store.
// hash(text) returns 64 hex digits.
const GENESIS = '0'.repeat(64);

function entryHash(e, hash) {
	return hash(JSON.stringify([e.prevHash, e.seq, e.at, e.prompt, e.output]));
}

function verifyLog(entries, anchor, hash) {
	let prev = GENESIS;
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if (e.seq !== i + 1) return { ok: false, firstBadIndex: i, problem: 'sequence number out of place' };
		if (e.prevHash !== prev)
			return { ok: false, firstBadIndex: i, problem: 'not linked to the entry before it' };
		if (entryHash(e, hash) !== e.hash)
			return { ok: false, firstBadIndex: i, problem: 'content does not match its hash' };
		prev = e.hash;
	}
	if (entries.length !== anchor.count || prev !== anchor.lastHash) {
		return {
			ok: false,
			firstBadIndex: Math.min(entries.length, anchor.count),
			problem: 'the log does not end where the anchor says',
		};
	}
	return { ok: true };
}
