import { isVendor } from '../../../shared/contract/backends.ts';
import { driverVendors, vendorModule } from '../../backends/vendors.ts';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';

/** `endpoints <vendor>`: every endpoint of the vendor's document, as the driver's table has it. */
export const endpoints: Command = async (_ctx, args) => {
  const vendor = args[0];
  const available = driverVendors().join(', ');
  if (!vendor) throw new UsageError('cli.missingArgument', { name: `<vendor> (${available})` });
  const module = isVendor(vendor) ? await vendorModule(vendor) : undefined;
  if (!module) throw new UsageError('cli.noDriver', { vendor, available });
  const rows = module.endpoints.map((e) => ({
    id: e.id,
    method: e.method,
    path: e.path,
    section: e.section,
    title: e.title,
    params: e.fields.map((f) => ({ name: f.name, in: f.in, required: f.required })),
  }));
  const width = Math.max(...rows.map((r) => r.id.length));
  return {
    json: rows,
    text: rows.map((r) => `${r.id.padEnd(width)}  ${r.method.padEnd(6)}  ${r.path}`).join('\n'),
  };
};
