// ctx.search(query) returns documents [{ id, text }]; ctx.model(prompt) returns
// { answer, actions: [{ tool, args }] }; ctx.tools holds sendEmail, createTicket, deleteFile.
function answerQuestion(question, ctx) {
	const docs = ctx.search(question);
	const prompt = [
		'You are the intranet assistant. Answer from these documents.',
		...docs.map((d) => `Document ${d.id}:\n${d.text}`),
		`User question: ${question}`,
	].join('\n\n');

	const reply = ctx.model(prompt);
	for (const action of reply.actions) {
		const tool = ctx.tools[action.tool];
		if (typeof tool === 'function') tool(action.args);
	}
	return reply.answer;
}
