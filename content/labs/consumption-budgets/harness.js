// Builds the arguments for handleChat(request, session, ctx). The model records each call and
// answers with a fixed token count; usage starts at input.usedToday for the signed-in user.
function labSetup(input, record) {
	const used = { [input.session.userId]: Number(input.usedToday || 0) };
	const request = { ...input.request };
	if (request.maxTokens !== undefined) request.maxTokens = Number(request.maxTokens);
	if (input.promptRepeat) request.prompt = String(request.prompt).repeat(Number(input.promptRepeat));
	const ctx = {
		model: {
			complete(prompt, options) {
				record('complete', { promptLength: String(prompt).length, maxTokens: options?.maxTokens ?? null });
				return { text: 'Here is a short answer.', tokens: 320 };
			},
		},
		usage: {
			get(userId) {
				return used[userId] || 0;
			},
			add(userId, tokens) {
				record('add', { userId, tokens });
				used[userId] = (used[userId] || 0) + tokens;
			},
		},
	};
	return [request, input.session, ctx];
}
