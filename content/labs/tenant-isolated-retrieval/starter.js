// request: { question, tenantId } from the browser; session: { userId, tenantId, groups } from login.
// index.search(query, { topK, filter }) returns chunks { id, tenantId, groups, text, score }.
function retrieveContext(request, session, index) {
	const chunks = index.search(request.question, { topK: 3 });
	return chunks.map((c) => c.text);
}
