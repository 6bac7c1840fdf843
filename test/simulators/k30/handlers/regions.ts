import { formatDateTime } from '../../common/local-time.ts';
import { ApiFailure, ok } from '../reply.ts';
import { codeField, contains, dateTimeField, same } from '../request.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { PassRecord, RegionRecord } from '../state.ts';

/**
 * 区域管理 (region.create / update / delete / list / peopleList). As the sections say: an empty
 * `parentno` puts the region under the default (总) region; `linkage` and `manual` are "0"/"1",
 * default "0"; list items carry `isdefault` as a number and `linkage`/`manual` as strings.
 * region.update / delete answer `data: ""` (their tables: 无内容对象返回; E24).
 *
 * region.peopleList lists who is inside: a person whose latest normal pass (exceptionmode 1) at a
 * device of the region was an entry (outintype 1), with that device and time as `deviceno` /
 * `entertime`; `startdate`/`effdate` bound `entertime`. `sex` is the 0/1/2 code here (E21) and
 * `rolename` "" (E22).
 *
 * The simulator's choices: the default region cannot be deleted, nor a region with devices or
 * sub-regions; `parentno` must name a region and make no cycle; list `no`/`parentno` exact,
 * `name` fuzzy (its table).
 */
function existing(req: ApiRequest, ctx: SimContext): RegionRecord {
  const no = req.need('no');
  const region = ctx.state.regions.get(no);
  if (!region) throw new ApiFailure(`区域不存在(no: ${no})`);
  return region;
}

function parentOf(req: ApiRequest, ctx: SimContext, self: string | undefined): string {
  const given = req.text('parentno');
  if (given === undefined) return ctx.state.defaultRegion()?.no ?? '';
  if (!ctx.state.regions.has(given)) throw new ApiFailure(`上级区域不存在(parentno: ${given})`);
  for (let at: string | undefined = given; at !== undefined && at !== ''; at = ctx.state.regions.get(at)?.parentno) {
    if (at === self) throw new ApiFailure('上级区域不能是自己或下级区域');
  }
  return given;
}

const create: Handler = (req, ctx) => {
  const region: RegionRecord = {
    no: '',
    name: req.need('name'),
    parentno: parentOf(req, ctx, undefined),
    isdefault: 0,
    linkage: codeField(req, 'linkage', ['0', '1']) ?? '0',
    manual: codeField(req, 'manual', ['0', '1']) ?? '0',
  };
  region.no = ctx.state.nextNo(ctx.now().getTime());
  ctx.state.regions.set(region.no, region);
  return ok(req.entry, { no: region.no });
};

const update: Handler = (req, ctx) => {
  const region = existing(req, ctx);
  const parentno = region.isdefault === 1 ? region.parentno : parentOf(req, ctx, region.no);
  const linkage = codeField(req, 'linkage', ['0', '1']);
  const manual = codeField(req, 'manual', ['0', '1']);
  region.name = req.need('name');
  region.parentno = parentno;
  if (linkage !== undefined) region.linkage = linkage;
  if (manual !== undefined) region.manual = manual;
  return ok(req.entry);
};

const remove: Handler = (req, ctx) => {
  const region = existing(req, ctx);
  if (region.isdefault === 1) throw new ApiFailure('默认区域不能删除');
  if ([...ctx.state.regions.values()].some((other) => other.parentno === region.no)) throw new ApiFailure('区域下存在子区域，不能删除');
  if ([...ctx.state.devices.values()].some((device) => device.regionno === region.no)) throw new ApiFailure('区域下存在设备，不能删除');
  ctx.state.regions.delete(region.no);
  return ok(req.entry);
};

/** Items in the order of the document's example. */
const list: Handler = (req, ctx) => {
  const filter = { no: req.text('no'), name: req.text('name'), parentno: req.text('parentno') };
  const items = [...ctx.state.regions.values()]
    .filter((region) => same(region.no, filter.no) && contains(region.name, filter.name) && same(region.parentno, filter.parentno))
    .map((region) => ({ no: region.no, name: region.name, companyno: ctx.state.companyNo, parentno: region.parentno, linkage: region.linkage, manual: region.manual, isdefault: region.isdefault }));
  return ok(req.entry, req.page(items));
};

const peopleList: Handler = (req, ctx) => {
  const region = existing(req, ctx);
  const from = dateTimeField(req, 'startdate');
  const to = dateTimeField(req, 'effdate');
  const latest = new Map<string, PassRecord>();
  for (const record of ctx.state.records) {
    if (record.peopleno === '' || record.exceptionmode !== 1 || ctx.state.devices.get(record.deviceno)?.regionno !== region.no) continue;
    latest.set(record.peopleno, record);
  }
  const filter = { name: req.text('name'), phone: req.text('phone'), idcard: req.text('idcard'), iccard: req.text('iccard') };
  const items = [...latest.values()]
    .filter((record) => record.outintype === 1 && (from === undefined || record.at >= from) && (to === undefined || record.at <= to))
    .flatMap((record) => {
      const person = ctx.state.people.get(record.peopleno);
      if (!person) return [];
      if (!(contains(person.name, filter.name) && same(person.phone, filter.phone) && same(person.idcard, filter.idcard) && same(person.iccard, filter.iccard))) return [];
      return [
        {
          no: person.no,
          name: person.name,
          jobnumber: person.jobnumber,
          deptno: person.deptno,
          deptname: ctx.state.departments.get(person.deptno)?.name ?? '',
          rolename: '',
          phone: person.phone,
          idcard: person.idcard,
          iccard: person.iccard,
          sex: person.sex,
          photo: ctx.photoUrl(person.photo),
          deviceno: record.deviceno,
          entertime: formatDateTime(new Date(record.at)),
        },
      ];
    });
  return ok(req.entry, req.page(items));
};

export const REGION_HANDLERS: Readonly<Record<string, Handler>> = {
  'region.create': create,
  'region.update': update,
  'region.delete': remove,
  'region.list': list,
  'region.peopleList': peopleList,
};
