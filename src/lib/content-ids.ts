/**
 * Entry ids come from a field inside the file (a module's `id`, a principle's `number`), not
 * from its path, so files can be moved or renamed without breaking links or stored progress.
 */
export function idFromField(
	folder: string,
	entry: string,
	data: Record<string, unknown>,
	field: string,
): string {
	const value = data[field];
	if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
		return String(value);
	}
	throw new Error(
		`${folder}/${entry}: the field \`${field}\` is missing or empty. ` +
			`Add \`${field}: ...\` at the top of the file; it becomes the entry's permanent id.`,
	);
}
