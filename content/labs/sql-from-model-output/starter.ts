// The model turns "customers in Leeds, sorted by plan" into
// { filterColumn: 'city', filterValue: 'Leeds', sortBy: 'plan' }.
interface Intent {
	filterColumn: string;
	filterValue: string;
	sortBy: string;
}
interface Row {
	name: string;
	city: string;
	plan: string;
}
interface Ctx {
	tenantId: string;
	db: { query(sql: string, params: unknown[]): Row[] };
}

function findCustomers(intent: Intent, ctx: Ctx): Row[] {
	const sql =
		`SELECT name, city, plan FROM customers WHERE tenant_id = ? ` +
		`AND ${intent.filterColumn} = '${intent.filterValue}' ORDER BY ${intent.sortBy}`;
	return ctx.db.query(sql, [ctx.tenantId]);
}
