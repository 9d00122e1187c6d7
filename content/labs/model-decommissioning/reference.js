// inventory: [{ id, kind, location, usedBy: [model ids], status? }, ...]; kinds: weights, dataset,
// index, cache, backup, secret (location "vault:<name>"); status, when present: "active",
// "archived" or "soft-deleted" (in the bin, not yet purged). storage.delete(location) purges;
// vault.revoke(name).
// Every asset tied to the model goes, by the inventory; shared assets stay, with the reason.
function decommissionModel(modelId, inventory, storage, vault) {
	const record = { deleted: [], revoked: [], retained: [] };
	for (const asset of inventory) {
		if (!asset.usedBy.includes(modelId)) continue;
		const others = asset.usedBy.filter((m) => m !== modelId);
		if (others.length > 0) {
			record.retained.push({ id: asset.id, reason: `shared: still used by ${others.join(', ')}` });
			continue;
		}
		if (asset.kind === 'secret') {
			const name = asset.location.replace(/^vault:/, '');
			vault.revoke(name);
			record.revoked.push(name);
		} else {
			storage.delete(asset.location);
			record.deleted.push(asset.id);
		}
	}
	return record;
}
