// The model proposes a tool call: { name: 'searchDocs', args: { query: '...' } }.
// The model may be steered by anything it read, so this code decides what runs:
// read-only tools run directly, sending an email waits for the user, anything else is refused.
const READ_ONLY = ['searchDocs', 'readCalendar'];

function handleToolCall(call, ctx) {
	const name = call && typeof call.name === 'string' ? call.name : '';
	const args = call && call.args && typeof call.args === 'object' ? call.args : {};

	if (READ_ONLY.includes(name)) {
		return { ok: true, result: ctx.tools[name](args) };
	}

	if (name === 'sendEmail') {
		// Exactly what the user sees is exactly what is sent: no extra fields such as bcc.
		const email = {
			to: String(args.to ?? ''),
			subject: String(args.subject ?? ''),
			body: String(args.body ?? ''),
		};
		const question = `Send this email?\nTo: ${email.to}\nSubject: ${email.subject}\n\n${email.body}`;
		if (ctx.askHuman(question) !== true) {
			return { ok: false, error: 'the user did not approve this email' };
		}
		return { ok: true, result: ctx.tools.sendEmail(email) };
	}

	return { ok: false, error: `the assistant may not use ${name || 'that tool'}` };
}
