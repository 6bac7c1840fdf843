/**
 * The panel models device.importDevice accepts (Hongtu §8.2, list D). The discovered-device reply
 * carries no model, so the installer picks it from the panel's label; Doorman suggests one when the
 * serial starts with the model's short name (W5KEA2024… → MegEye-W5K-EA), as the seen panels' do.
 * Kept beside the wizard because the renderer may not import the driver's table (layers).
 */
export const PANEL_MODELS: readonly { readonly code: number; readonly name: string }[] = [
  { code: 1, name: 'MegEye-W5K-I8' },
  { code: 2, name: 'MegEye-W4K-E7' },
  { code: 3, name: 'MegEye-W4K-I51' },
  { code: 34, name: 'MegEye-W4K-I52' },
  { code: 36, name: 'MegEye-W4K-I31' },
  { code: 40, name: 'MegEye-W5K-EA' },
  { code: 41, name: 'MegEye-W5K-EA-D' },
  { code: 42, name: 'MegEye-W5K-EA-T' },
  { code: 43, name: 'MegEye-W5K-EA-DT' },
];

function shortName(name: string): string {
  return name.replace(/^MegEye-/, '').replace(/-/g, '').toUpperCase();
}

/** The model whose short name is the longest prefix of the serial, or null. */
export function guessPanelModel(snCode: string): number | null {
  const sn = snCode.toUpperCase();
  let best: { code: number; length: number } | null = null;
  for (const model of PANEL_MODELS) {
    const prefix = shortName(model.name);
    if (sn.startsWith(prefix) && (!best || prefix.length > best.length)) best = { code: model.code, length: prefix.length };
  }
  return best?.code ?? null;
}
