// request: { question, tenantId } from the browser; session: { userId, tenantId, groups } from login.
// index.search(query, { topK, filter }) returns chunks { id, tenantId, groups, text, score }.
// Who may read what comes from the session, and the index applies it before ranking.
function retrieveContext(request, session, index) {
	const filter = { tenantId: session.tenantId, groups: session.groups };
	const chunks = index.search(String(request.question), { topK: 3, filter });
	return chunks.map((c) => c.text);
}
