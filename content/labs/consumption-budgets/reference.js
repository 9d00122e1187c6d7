// request: { prompt, maxTokens, userId } from the browser; session: { userId } from login.
// ctx.model.complete(prompt, { maxTokens }) returns { text, tokens };
// ctx.usage.get(userId) / ctx.usage.add(userId, tokens) count today's tokens.
// Every limit is checked before the paid call, and usage belongs to the signed-in user.
const MAX_PROMPT_CHARS = 8000;
const MAX_ANSWER_TOKENS = 1000;
const DAILY_TOKENS = 20000;

function handleChat(request, session, ctx) {
	const prompt = String(request.prompt ?? '');
	if (prompt.length > MAX_PROMPT_CHARS)
		throw new Error(`prompts are limited to ${MAX_PROMPT_CHARS} characters`);
	const user = session.userId;
	if (ctx.usage.get(user) >= DAILY_TOKENS)
		throw new Error('you have used today’s allowance; it resets at midnight');
	const asked = Number(request.maxTokens);
	const maxTokens =
		Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_ANSWER_TOKENS) : MAX_ANSWER_TOKENS;
	const answer = ctx.model.complete(prompt, { maxTokens });
	ctx.usage.add(user, answer.tokens);
	return answer.text;
}
