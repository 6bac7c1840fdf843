/**
 * The endpoints with behaviour of their own, by endpoint id — checked against the simulator's
 * catalog when the module loads, so a handler for a misspelt id fails at once instead of never
 * answering.
 */
export function handlerTable<Handler>(simulator: string, catalog: readonly { readonly id: string }[], handlers: Readonly<Record<string, Handler>>): ReadonlyMap<string, Handler> {
  const known = new Set(catalog.map((entry) => entry.id));
  const map = new Map(Object.entries(handlers));
  for (const id of map.keys()) if (!known.has(id)) throw new Error(`${simulator} simulator: handler for unknown endpoint ${id}`);
  return map;
}
