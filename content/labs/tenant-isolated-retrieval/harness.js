// Builds the arguments for retrieveContext(request, session, index). The index holds chunks of
// several tenants; search ranks by a fixed score and applies the filter it is given:
// filter.tenantId (equal) and filter.groups (a chunk tagged "all" is readable by every group;
// otherwise its groups must share one with the list).
function labSetup(input, record) {
	const chunks = [
		{
			id: 'g1',
			tenantId: 'globex',
			groups: ['all'],
			score: 0.97,
			text: 'GLOBEX-CONFIDENTIAL pricing for 2027',
		},
		{
			id: 'i1',
			tenantId: 'initech',
			groups: ['all'],
			score: 0.95,
			text: 'INITECH-CONFIDENTIAL merger notes',
		},
		{ id: 'a-hr', tenantId: 'acme', groups: ['hr'], score: 0.93, text: 'HR-ONLY salary bands for engineers' },
		{
			id: 'a1',
			tenantId: 'acme',
			groups: ['all'],
			score: 0.9,
			text: 'Acme travel policy: book through the portal',
		},
		{ id: 'a2', tenantId: 'acme', groups: ['all'], score: 0.85, text: 'Acme expenses: claim within 30 days' },
	];
	const boost = input.boost || [];
	const index = {
		search(query, options) {
			const opts = options || {};
			const filter = opts.filter || {};
			record('search', { query: String(query), filter });
			const topK = opts.topK || 3;
			return chunks
				.filter((c) => filter.tenantId === undefined || c.tenantId === filter.tenantId)
				.filter(
					(c) =>
						filter.groups === undefined ||
						c.groups.includes('all') ||
						c.groups.some((g) => filter.groups.includes(g)),
				)
				.map((c) => ({ ...c, score: boost.includes(c.id) ? 1 : c.score }))
				.sort((a, b) => b.score - a.score)
				.slice(0, topK);
		},
	};
	return [input.request, input.session, index];
}
