// The model proposes a tool call: { name: 'searchDocs', args: { query: '...' } }.
// ctx.tools holds the tools; ctx.askHuman(question) asks the user and returns true or false.
function handleToolCall(call, ctx) {
	const tool = ctx.tools[call.name];
	if (typeof tool !== 'function') {
		return { ok: false, error: `no tool named ${call.name}` };
	}
	return { ok: true, result: tool(call.args) };
}
