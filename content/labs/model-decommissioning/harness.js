// Builds the arguments for decommissionModel(modelId, inventory, storage, vault). storage.delete
// and vault.revoke record what they are asked to do. Variants (all optional, with the defaults
// below): input.keyName (the model's API key in the vault), input.backup (where last night's
// backup sits), input.sharedId and input.otherModel (a shared asset's id and the model that shares
// it), input.extra (more assets, e.g. a copy of the data under another name or a soft-deleted one).
function labSetup(input, record) {
	const keyName = input.keyName || 'support-bot-openapi-key';
	const backup = input.backup || '/backups/2026-11-30/support-bot.tar';
	const sharedId = input.sharedId || 'tokenizer';
	const otherModel = input.otherModel || 'support-bot-v2';
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
			location: backup,
			usedBy: ['support-bot'],
		},
		{ id: 'api-key', kind: 'secret', location: `vault:${keyName}`, usedBy: ['support-bot'] },
		{
			id: sharedId,
			kind: 'weights',
			location: '/models/shared/tokenizer.json',
			usedBy: ['support-bot', otherModel],
		},
		{
			id: 'faq-dataset',
			kind: 'dataset',
			location: '/datasets/faq-2026.parquet',
			usedBy: [otherModel, 'support-bot'],
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
		...(input.extra || []),
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
