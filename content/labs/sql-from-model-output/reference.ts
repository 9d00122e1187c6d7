// The model turns "customers in Leeds, sorted by plan" into
// { filterColumn: 'city', filterValue: 'Leeds', sortBy: 'plan' }.
// Nothing the model wrote becomes SQL text: columns come from a fixed list, the value is a parameter.
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

const COLUMNS = ['name', 'city', 'plan'] as const;
type Column = (typeof COLUMNS)[number];

function column(value: unknown, what: string): Column {
	const found = COLUMNS.find((c) => c === value);
	if (!found) throw new Error(`${what} must be one of ${COLUMNS.join(', ')}`);
	return found;
}

function findCustomers(intent: Intent, ctx: Ctx): Row[] {
	const filter = column(intent.filterColumn, 'the filter column');
	const sort = column(intent.sortBy, 'the sort column');
	const sql = `SELECT name, city, plan FROM customers WHERE tenant_id = ? AND ${filter} = ? ORDER BY ${sort}`;
	return ctx.db.query(sql, [ctx.tenantId, String(intent.filterValue)]);
}
