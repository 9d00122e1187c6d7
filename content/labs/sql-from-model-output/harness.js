// Builds the arguments for findCustomers(intent, ctx): the model's filter object and a context
// whose database records every query and returns a fixed page of rows.
function labSetup(input, record) {
	const rows = [
		{ name: 'Ada Lovelace', city: 'Leeds', plan: 'pro' },
		{ name: 'Grace Hopper', city: 'Leeds', plan: 'basic' },
	];
	const ctx = {
		tenantId: 't-42',
		db: {
			query(sql, params) {
				record('query', { sql: String(sql), params: Array.isArray(params) ? params : [] });
				return rows;
			},
		},
	};
	return [input.intent, ctx];
}
