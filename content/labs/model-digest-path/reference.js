// manifest: { name, digest: 'sha256:<64 hex digits>' }
// store.read(path) returns the file's contents; store.sha256(text) returns 64 hex digits.
// The manifest comes from a registry we do not control: the digest is checked before it becomes
// a path, and the bytes returned are the bytes that were checked.
const DIGEST = /^sha256:([0-9a-f]{64})$/;

function loadModelBlob(manifest, store) {
	const match = DIGEST.exec(String(manifest?.digest));
	if (!match) throw new Error('the digest must be "sha256:" followed by 64 lower-case hex digits');
	const hex = match[1];
	const bytes = store.read(`/models/blobs/sha256-${hex}`);
	if (store.sha256(bytes) !== hex) throw new Error('the blob does not match its digest');
	return bytes;
}
