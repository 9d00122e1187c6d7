// manifest: { name, digest: 'sha256:<64 hex digits>' }
// store.read(path) returns the file's contents; store.sha256(text) returns 64 hex digits.
function loadModelBlob(manifest, store) {
	const hex = manifest.digest.replace('sha256:', '');
	const path = `/models/blobs/sha256-${hex}`;
	return store.read(path);
}
