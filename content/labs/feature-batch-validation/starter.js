// rows: [{ age, income, country }, ...]; reference.features: per feature { type, min, max, mean,
// std } or { type: 'category', values, shares }; reference.maxMissingShare: e.g. 0.05.
// Returns { accept, problems: [{ feature, problem }] }.
function checkBatch(rows, reference) {
	const problems = [];
	for (const feature of Object.keys(reference.features)) {
		if (!rows.every((row) => feature in row)) problems.push({ feature, problem: 'column missing' });
	}
	return { accept: problems.length === 0, problems };
}
