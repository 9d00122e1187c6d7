// inventory: [{ id, kind, location, usedBy: [model ids] }, ...]; kinds: weights, dataset, index,
// cache, backup, secret (location "vault:<name>"). storage.delete(location); vault.revoke(name).
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
