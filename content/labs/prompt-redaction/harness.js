// Builds the arguments for summariseTicket(ticket, ctx). The outside model records every prompt
// it receives and replies with a fixed summary.
function labSetup(input, record) {
	const ctx = {
		config: { dbPassword: input.dbPassword || 'Pg-prod-5up3r-s3cret', region: 'eu-west-2' },
		externalModel: {
			complete(prompt) {
				record('complete', { prompt: String(prompt) });
				return 'Summary: the customer reports a problem. Suggested reply: thank them and ask for details.';
			},
		},
	};
	return [input.ticket, ctx];
}
