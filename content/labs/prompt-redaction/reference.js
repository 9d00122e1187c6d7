// ticket: { id, subject, body, customerEmail, customerPhone, internalNotes }
// ctx.externalModel.complete(prompt) sends the prompt to the outside provider and returns text.
// The provider gets the problem and nothing else: no contact details, card numbers or
// credentials, not even inside the text the customer typed.
const REDACTIONS = [
	[/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '[email]'],
	[/\b(?:sk|pk|rk)[-_](?:live|test)[-_][\w-]{8,}/gi, '[secret]'],
	[/\b(?:AKIA|ASIA)[A-Z0-9]{12,20}\b/g, '[secret]'],
	[/\b(password|passwd|pwd|secret|token|api[-_ ]?key)\b\s*[:=]\s*\S+/gi, '$1: [secret]'],
	[/\b(?:\d[ -]?){12,18}\d\b/g, '[card]'],
	[/(?:\+\d{1,3}[\s-]?)?\(?\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g, '[phone]'],
];

function redact(text) {
	return REDACTIONS.reduce(
		(t, [pattern, placeholder]) => t.replace(pattern, placeholder),
		String(text ?? ''),
	);
}

function summariseTicket(ticket, ctx) {
	const prompt = [
		'You are a help-desk assistant. Summarise the ticket and suggest a reply.',
		`Subject: ${redact(ticket.subject)}`,
		`Body:\n${redact(ticket.body)}`,
	].join('\n');
	return ctx.externalModel.complete(prompt);
}
