// rows: [{ age, income, country }, ...]; reference.features: per feature { type, min, max, mean,
// std } or { type: 'category', values, shares }; reference.maxMissingShare: e.g. 0.05.
// Returns { accept, problems: [{ feature, problem }] }.
// The batch is checked as a whole: schema (types, ranges, categories, missing values) and drift
// (means and category shares against training). Any problem stops the batch.
function checkBatch(rows, reference) {
	const problems = [];
	const n = rows.length;
	for (const [feature, spec] of Object.entries(reference.features)) {
		const values = rows.map((row) => (feature in row ? row[feature] : null));
		const present = values.filter((v) => v !== null && v !== undefined);
		const missingShare = (n - present.length) / Math.max(n, 1);
		if (missingShare > reference.maxMissingShare) {
			problems.push({ feature, problem: `${Math.round(missingShare * 100)}% of values are missing` });
		}
		if (spec.type === 'number') {
			const bad = present.filter(
				(v) => typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max,
			);
			if (bad.length > 0) {
				problems.push({
					feature,
					problem: `${bad.length} values are not numbers in ${spec.min}-${spec.max}, e.g. ${JSON.stringify(bad[0])}`,
				});
				continue;
			}
			const mean = present.reduce((s, v) => s + v, 0) / Math.max(present.length, 1);
			if (Math.abs(mean - spec.mean) > 0.5 * spec.std) {
				problems.push({
					feature,
					problem: `mean ${mean.toFixed(1)} has drifted from the training mean ${spec.mean}`,
				});
			}
		} else {
			const unknown = present.filter((v) => !spec.values.includes(v));
			if (unknown.length > 0) {
				problems.push({
					feature,
					problem: `categories never seen in training: ${[...new Set(unknown)].join(', ')}`,
				});
				continue;
			}
			for (const value of spec.values) {
				const share = present.filter((v) => v === value).length / Math.max(present.length, 1);
				if (Math.abs(share - (spec.shares[value] ?? 0)) > 0.15) {
					problems.push({
						feature,
						problem: `share of ${value} moved from ${spec.shares[value]} to ${share.toFixed(2)}`,
					});
				}
			}
		}
	}
	return { accept: problems.length === 0, problems };
}
