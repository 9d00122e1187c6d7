// inventory: [{ id, kind, location, usedBy: [model ids], status? }, ...]; kinds: weights, dataset,
// index, cache, backup, secret (location "vault:<name>"); status, when present: "active",
// "archived" or "soft-deleted" (in the bin, not yet purged). storage.delete(location) purges;
// vault.revoke(name).
function decommissionModel(modelId, inventory, storage, vault) {
	const deleted = [];
	for (const asset of inventory) {
		if (asset.kind === 'weights' && asset.usedBy.length === 1 && asset.usedBy[0] === modelId) {
			storage.delete(asset.location);
			deleted.push(asset.id);
		}
	}
	return { deleted, revoked: [], retained: [] };
}
