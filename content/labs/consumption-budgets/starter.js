// request: { prompt, maxTokens, userId } from the browser; session: { userId } from login.
// ctx.model.complete(prompt, { maxTokens }) returns { text, tokens };
// ctx.usage.get(userId) / ctx.usage.add(userId, tokens) count today's tokens.
function handleChat(request, session, ctx) {
	const answer = ctx.model.complete(request.prompt, { maxTokens: request.maxTokens });
	return answer.text;
}
