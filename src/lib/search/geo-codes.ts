/** Département of a commune code ("47001" → "47", "97411" → "974", "2A004" → "2A"). */
export function departement(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** The département a search shard belongs to: shards are départements, or pieces of one ("75_03" → "75"). */
export function shardDepartement(id: string): string {
  return id.split('_')[0]!;
}
