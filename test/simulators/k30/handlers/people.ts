import { formatDateTime } from '../../common/local-time.ts';
import { ApiFailure, ok } from '../reply.ts';
import { codeField, contains, dateTimeField, jpegField, same } from '../request.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import { fiftyYearsOn } from '../seed.ts';
import type { PersonRecord, SexCode } from '../state.ts';

/**
 * 人员管理 (people.create / update / delete / list / sync). The document's rules: `sex` 0/1/2 on
 * input and 男/女/未知 in people.list (E21); `pwd` digits only, at most 6; `startdate` default now,
 * `effdate` default 50 years on, `entrydate` default now, all `yyyy-MM-dd HH:mm:ss`; photos as
 * `data:image/jpeg;base64` (request.ts jpegField); people.sync needs `device_nos` or `deptno`,
 * and `device_nos` wins when both are given (its note).
 *
 * The simulator's choices where the document is silent: `deptno` must name a department; a
 * `jobnumber` and a non-empty `iccard` are unique in the installation (a second person with the
 * same one is refused, so a client that retries a create sees it rather than a duplicate);
 * `effdate` before `startdate` is refused; people.update keeps any optional field it is not given
 * (as device.update says "填就更新，不填不更新"; E32), photos included; people.sync to an offline
 * device succeeds, and its per-device result comes by the `authstatus` callback (events.ts).
 */
const SEX_TEXT: Readonly<Record<SexCode, string>> = { '0': '未知', '1': '男', '2': '女' };
const OPTIONAL_TEXT = ['phone', 'idcard', 'iccard', 'carno', 'nation', 'native', 'residence'] as const;

function checkDepartment(req: ApiRequest, ctx: SimContext): string {
  const deptno = req.need('deptno');
  if (!ctx.state.departments.has(deptno)) throw new ApiFailure(`部门不存在(deptno: ${deptno})`);
  return deptno;
}

function checkUnique(ctx: SimContext, self: string | undefined, jobnumber: string, iccard: string | undefined): void {
  for (const other of ctx.state.people.values()) {
    if (other.no === self) continue;
    if (other.jobnumber === jobnumber) throw new ApiFailure(`工号已存在(jobnumber: ${jobnumber})`);
    if (iccard !== undefined && other.iccard === iccard) throw new ApiFailure(`IC卡号已存在(iccard: ${iccard})`);
  }
}

function checkPwd(req: ApiRequest): string | undefined {
  const pwd = req.text('pwd');
  if (pwd !== undefined && !/^\d{1,6}$/.test(pwd)) throw new ApiFailure('pwd只能是数字，最大6位');
  return pwd;
}

/** The validity dates after an edit: given ones checked, the rest from `base`. */
function validity(req: ApiRequest, base: { startdate: string; effdate: string; entrydate: string }): { startdate: string; effdate: string; entrydate: string } {
  const start = dateTimeField(req, 'startdate');
  const end = dateTimeField(req, 'effdate');
  const entry = dateTimeField(req, 'entrydate');
  const result = {
    startdate: start === undefined ? base.startdate : formatDateTime(new Date(start)),
    effdate: end === undefined ? base.effdate : formatDateTime(new Date(end)),
    entrydate: entry === undefined ? base.entrydate : formatDateTime(new Date(entry)),
  };
  if (result.effdate < result.startdate) throw new ApiFailure('effdate不能早于startdate');
  return result;
}

/** A photo a test told the simulator to refuse for this jobnumber (state.photoRefusals). */
function refusePhoto(ctx: SimContext, jobnumber: string, photo: unknown): void {
  const refusal = photo === undefined ? undefined : ctx.state.photoRefusals.get(jobnumber);
  if (refusal !== undefined) throw new ApiFailure(refusal);
}

const create: Handler = (req, ctx) => {
  const deptno = checkDepartment(req, ctx);
  const jobnumber = req.need('jobnumber');
  checkUnique(ctx, undefined, jobnumber, req.text('iccard'));
  const sex = codeField(req, 'sex', ['0', '1', '2']) ?? '0';
  const pwd = checkPwd(req) ?? '';
  const now = ctx.now();
  const dates = validity(req, { startdate: formatDateTime(now), effdate: formatDateTime(fiftyYearsOn(now)), entrydate: formatDateTime(now) });
  const photo = jpegField(req, 'photo', ctx);
  refusePhoto(ctx, jobnumber, photo);
  const idcardphoto = jpegField(req, 'idcardphoto', ctx);
  const person: PersonRecord = {
    no: ctx.state.nextNo(now.getTime()),
    name: req.need('name'),
    deptno,
    jobnumber,
    sex,
    pwd,
    ...dates,
    phone: req.text('phone') ?? '',
    idcard: req.text('idcard') ?? '',
    iccard: req.text('iccard') ?? '',
    carno: req.text('carno') ?? '',
    nation: req.text('nation') ?? '',
    native: req.text('native') ?? '',
    residence: req.text('residence') ?? '',
    photo,
    idcardphoto,
    remark: '',
    devices: [],
  };
  ctx.state.people.set(person.no, person);
  ctx.state.wrotePerson(jobnumber);
  return ok(req.entry, { no: person.no });
};

function existing(req: ApiRequest, ctx: SimContext): PersonRecord {
  const no = req.need('no');
  const person = ctx.state.people.get(no);
  if (!person) throw new ApiFailure(`人员不存在(no: ${no})`);
  return person;
}

const update: Handler = (req, ctx) => {
  const person = existing(req, ctx);
  const deptno = checkDepartment(req, ctx);
  const jobnumber = req.need('jobnumber');
  const iccard = req.text('iccard');
  checkUnique(ctx, person.no, jobnumber, iccard);
  const sex = codeField(req, 'sex', ['0', '1', '2']);
  const pwd = checkPwd(req);
  const dates = validity(req, person);
  const photo = jpegField(req, 'photo', ctx);
  refusePhoto(ctx, jobnumber, photo);
  const idcardphoto = jpegField(req, 'idcardphoto', ctx);
  Object.assign(person, { name: req.need('name'), deptno, jobnumber, ...dates });
  for (const name of OPTIONAL_TEXT) {
    const value = req.text(name);
    if (value !== undefined) person[name] = value;
  }
  if (sex !== undefined) person.sex = sex;
  if (pwd !== undefined) person.pwd = pwd;
  if (photo) person.photo = photo;
  if (idcardphoto) person.idcardphoto = idcardphoto;
  ctx.state.wrotePerson(jobnumber);
  return ok(req.entry);
};

const remove: Handler = (req, ctx) => {
  const person = existing(req, ctx);
  const refusal = ctx.state.deleteRefusals.get(person.jobnumber);
  if (refusal !== undefined) throw new ApiFailure(refusal);
  ctx.state.people.delete(person.no);
  return ok(req.entry);
};

/** Items in the order of the document's example, with its `idCardPhoto1: null` (not in the table; E27). */
const list: Handler = (req, ctx) => {
  const filter = { deptno: req.text('deptno'), no: req.text('no'), name: req.text('name'), phone: req.text('phone'), idcard: req.text('idcard'), iccard: req.text('iccard') };
  const people = [...ctx.state.people.values()].filter(
    (person) =>
      same(person.deptno, filter.deptno) &&
      same(person.no, filter.no) &&
      contains(person.name, filter.name) &&
      same(person.phone, filter.phone) &&
      same(person.idcard, filter.idcard) &&
      same(person.iccard, filter.iccard),
  );
  const items = people.map((person) => ({
    jobNumber: person.jobnumber,
    no: person.no,
    name: person.name,
    sex: SEX_TEXT[person.sex],
    phone: person.phone,
    idCard: person.idcard,
    icCard: person.iccard,
    type: '白名单',
    photo: ctx.photoUrl(person.photo),
    idCardPhoto: ctx.photoUrl(person.idcardphoto),
    idCardPhoto1: null,
    remark: person.remark,
    startDate: person.startdate,
    effDate: person.effdate,
    native: person.native,
    nation: person.nation,
    residence: person.residence,
    deptNo: person.deptno,
    deptName: ctx.state.departments.get(person.deptno)?.name ?? '',
  }));
  return ok(req.entry, req.page(items));
};

const sync: Handler = (req, ctx) => {
  const person = existing(req, ctx);
  const deviceNos = req.text('device_nos');
  const deptno = req.text('deptno');
  let targets: string[];
  if (deviceNos !== undefined) {
    targets = deviceNos.split(',').map((no) => no.trim());
    for (const no of targets) if (!ctx.state.devices.has(no)) throw new ApiFailure(`设备不存在(device_nos: ${no})`);
  } else if (deptno !== undefined) {
    const department = ctx.state.departments.get(deptno);
    if (!department) throw new ApiFailure(`部门不存在(deptno: ${deptno})`);
    if (department.devices.length === 0) throw new ApiFailure(`部门未绑定设备(deptno: ${deptno})`);
    targets = department.devices;
  } else {
    throw new ApiFailure('device_nos和deptno必须填其中一个');
  }
  person.devices = [...new Set([...person.devices, ...targets])];
  ctx.reportSync(person.no, [...new Set(targets)]);
  return ok(req.entry);
};

export const PEOPLE_HANDLERS: Readonly<Record<string, Handler>> = {
  'people.create': create,
  'people.update': update,
  'people.delete': remove,
  'people.list': list,
  'people.sync': sync,
};
