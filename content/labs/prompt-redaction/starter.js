// ticket: { id, subject, body, customerEmail, customerPhone, internalNotes }
// ctx.externalModel.complete(prompt) sends the prompt to the outside provider and returns text.
function summariseTicket(ticket, ctx) {
	const prompt = [
		'You are a help-desk assistant. Summarise the ticket and suggest a reply.',
		`(For order look-ups the database password is ${ctx.config.dbPassword}.)`,
		`Ticket: ${JSON.stringify(ticket)}`,
	].join('\n');
	return ctx.externalModel.complete(prompt);
}
