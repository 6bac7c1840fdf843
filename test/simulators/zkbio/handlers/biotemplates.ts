import { ApiFailure } from '../codes.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { BioTemplateRecord } from '../state.ts';
import { hexId } from '../time.ts';

/**
 * Fingerprint templates (2.26). `personId` is read as the pin (§8.6 item 37). Codes: -22 unknown
 * person, -31 that finger already enrolled, -32 `validType` not 1 or 3, -33 `templateNo` not 0–9,
 * -34 no such template. The list endpoints (2.26.2/2.26.5) are titled "list" while their examples
 * show one object (§8.6 item 36): the simulator answers an array (empty when there is none).
 */
const view = (template: BioTemplateRecord, full: boolean) => ({
  id: template.id,
  pin: template.pin,
  validType: String(template.validType),
  bioType: template.bioType,
  ...(full ? { version: template.version, template: template.template, templateNo: String(template.templateNo), templateNoIndex: 0 } : {}),
});

function templateNo(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 9) throw new ApiFailure(-33);
  return Number(text);
}

function ownerPin(req: ApiRequest, ctx: SimContext): string {
  const pin = req.require('pin');
  if (!ctx.state.person(pin)) throw new ApiFailure(-22);
  return pin;
}

function keep(ctx: SimContext, wanted: (template: BioTemplateRecord) => boolean): void {
  const kept = ctx.state.bioTemplates.filter(wanted);
  ctx.state.bioTemplates.splice(0, ctx.state.bioTemplates.length, ...kept);
}

function deleteOne(req: ApiRequest, ctx: SimContext) {
  const pin = ownerPin(req, ctx);
  const no = templateNo(req.require('templateNo', -34));
  if (!ctx.state.bioTemplates.some((template) => template.pin === pin && template.templateNo === no)) throw new ApiFailure(-34);
  keep(ctx, (template) => !(template.pin === pin && template.templateNo === no));
  return ok();
}

function deleteAll(req: ApiRequest, ctx: SimContext) {
  const pin = ownerPin(req, ctx);
  keep(ctx, (template) => template.pin !== pin);
  return ok();
}

export const BIO_TEMPLATE_HANDLERS: Record<string, Handler> = {
  'bioTemplate.add': (req, ctx) => {
    const pin = req.require('personId', -20);
    if (!ctx.state.person(pin)) throw new ApiFailure(-22);
    const validType = req.require('validType', -32);
    if (validType !== '1' && validType !== '3') throw new ApiFailure(-32);
    const no = templateNo(req.require('templateNo', -33));
    if (ctx.state.bioTemplates.some((template) => template.pin === pin && template.templateNo === no)) throw new ApiFailure(-31);
    const template = req.require('template');
    ctx.state.bioTemplates.push({ id: hexId(`bio:${pin}:${no}`), pin, validType: Number(validType), bioType: 1, version: '10', template, templateNo: no });
    return ok();
  },
  'bioTemplate.getFgListByPin': (req, ctx) => {
    const pin = ownerPin(req, ctx);
    return ok(ctx.state.bioTemplates.filter((template) => template.pin === pin).map((template) => view(template, true)));
  },
  'bioTemplate.getFgListByPin.v2': (req, ctx) => {
    const pin = ownerPin(req, ctx);
    return ok(ctx.state.bioTemplates.filter((template) => template.pin === pin).map((template) => view(template, false)));
  },
  'bioTemplate.delete': deleteAll,
  'bioTemplate.deleteByPin.v2': deleteAll,
  'bioTemplate.deleteByPinAndTemplateNo': deleteOne,
  'bioTemplate.deleteByPinAndTemplateNo.v2': deleteOne,
};
