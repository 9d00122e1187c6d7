/** Offering data as a file download, in the browser, with no server involved. */

/** Offers data as a file download (no server involved). */
export function downloadBlob(filename: string, blob: Blob) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers text as a file download. */
export function downloadText(filename: string, text: string, type = 'application/json') {
	downloadBlob(filename, new Blob([text], { type }));
}
