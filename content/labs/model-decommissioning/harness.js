// Builds the arguments for decommissionModel(modelId, inventory, storage, vault). storage.delete
// and vault.revoke record what they are asked to do.
function labSetup(input, record) {
	const inventory = [
		{
			id: 'weights',
			kind: 'weights',
			location: '/models/support-bot/weights.safetensors',
			usedBy: ['support-bot'],
		},
		{
			id: 'finetune-data',
			kind: 'dataset',
			location: '/datasets/support-tickets-2025.parquet',
			usedBy: ['support-bot'],
		},
		{ id: 'embeddings', kind: 'index', location: '/vector/support-bot-faq', usedBy: ['support-bot'] },
		{
			id: 'chat-cache',
			kind: 'cache',
			location: '/cache/support-bot/conversations',
			usedBy: ['support-bot'],
		},
		{
			id: 'nightly-backup',
			kind: 'backup',
			location: '/backups/2026-11-30/support-bot.tar',
			usedBy: ['support-bot'],
		},
		{ id: 'api-key', kind: 'secret', location: 'vault:support-bot-openapi-key', usedBy: ['support-bot'] },
		{
			id: 'tokenizer',
			kind: 'weights',
			location: '/models/shared/tokenizer.json',
			usedBy: ['support-bot', 'support-bot-v2'],
		},
		{
			id: 'faq-dataset',
			kind: 'dataset',
			location: '/datasets/faq-2026.parquet',
			usedBy: ['support-bot', 'support-bot-v2'],
		},
		{
			id: 'v2-weights',
			kind: 'weights',
			location: '/models/support-bot-v2/weights.safetensors',
			usedBy: ['support-bot-v2'],
		},
		{
			id: 'v2-api-key',
			kind: 'secret',
			location: 'vault:support-bot-v2-openapi-key',
			usedBy: ['support-bot-v2'],
		},
	];
	const storage = {
		delete(location) {
			record('delete', { location: String(location) });
			return true;
		},
	};
	const vault = {
		revoke(name) {
			record('revoke', { name: String(name) });
			return true;
		},
	};
	return [input.modelId, inventory, storage, vault];
}
