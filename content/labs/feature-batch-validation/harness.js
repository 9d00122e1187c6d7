// Builds the arguments for checkBatch(rows, reference): a batch of 200 rows generated the same way
// every time, changed as input.kind says, and the reference statistics from training.
function labSetup(input) {
	const reference = {
		maxMissingShare: 0.05,
		features: {
			age: { type: 'number', min: 18, max: 100, mean: 41, std: 12 },
			income: { type: 'number', min: 0, max: 1000000, mean: 32000, std: 9000 },
			country: { type: 'category', values: ['GB', 'FR', 'DE'], shares: { GB: 0.6, FR: 0.25, DE: 0.15 } },
		},
	};
	let state = 12345;
	const next = () => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		return state / 4294967296;
	};
	// Sum of three uniforms: roughly bell-shaped around 0, within -1.5..1.5.
	const bell = () => next() + next() + next() - 1.5;
	const rows = [];
	for (let i = 0; i < 200; i++) {
		const c = i % 20;
		rows.push({
			age: Math.round(41 + bell() * 14),
			income: Math.round(32000 + bell() * 10000),
			country: c < 12 ? 'GB' : c < 17 ? 'FR' : 'DE',
		});
	}
	const kind = input.kind;
	rows.forEach((r, i) => {
		if (kind === 'few-missing' && i % 100 === 7) r.age = null;
		if (kind === 'type-change') r.age = String(r.age);
		if (kind === 'new-category' && i % 5 === 0) r.country = 'US';
		if (kind === 'missing-spike' && i % 4 === 0) r.income = null;
		if (kind === 'unit-change') r.income = Math.round(r.income / 1000);
		if (kind === 'silent-shift') r.age = Math.min(100, r.age + 15);
		if (kind === 'share-shift') r.country = i % 10 < 2 ? 'GB' : i % 10 < 9 ? 'FR' : 'DE';
		if (kind === 'out-of-range' && i % 50 === 3) r.age = 250;
	});
	return [rows, reference];
}
