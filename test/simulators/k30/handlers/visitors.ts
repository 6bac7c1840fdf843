import { inspectImage } from '../../common/images.ts';
import { formatDateTime } from '../../common/local-time.ts';
import { ApiFailure, ok } from '../reply.ts';
import { dateTimeField } from '../request.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { PhotoRecord, VisitorRecord } from '../state.ts';

/**
 * 访客管理 (visitor.create / sync / delete). As the sections say: create answers `{"no": …}` (its
 * verified example, k30.md §3.5); `begintime`/`endtime` are `yyyy-MM-dd HH:mm:ss`; `photo` is
 * "完整base64内容或者完整url路径" — base64 (bare or as a data URI) of a JPEG or PNG, or an
 * http(s) URL; `devicenos` is comma-separated; a delete must reach every device the visitor was
 * pushed to, so an offline one refuses it (注意事项: 提示设备离线).
 *
 * The simulator's choices: `staffno` must name a person; `endtime` before `begintime` is refused;
 * the photo stays optional (the document makes it required only under an enterprise setting).
 */
function photoOf(req: ApiRequest, ctx: SimContext): { photo?: PhotoRecord; photoUrl?: string } {
  const text = req.text('photo');
  if (text === undefined) return {};
  if (/^https?:\/\/\S+$/.test(text)) return { photoUrl: text };
  const base64 = text.replace(/^data:image\/(?:jpeg|png);base64,?/, '');
  const bytes = /^[A-Za-z0-9+/=\s]+$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  const info = inspectImage(bytes);
  if (!info) throw new ApiFailure('photo格式错误: 应为图片的完整base64内容或完整url路径');
  return { photo: ctx.storePhoto(bytes, info) };
}

function existing(req: ApiRequest, ctx: SimContext): VisitorRecord {
  const no = req.need('no');
  const visitor = ctx.state.visitors.get(no);
  if (!visitor) throw new ApiFailure(`访客登记不存在(no: ${no})`);
  return visitor;
}

const create: Handler = (req, ctx) => {
  const staffno = req.need('staffno');
  if (!ctx.state.people.has(staffno)) throw new ApiFailure(`被访人不存在(staffno: ${staffno})`);
  const begin = dateTimeField(req, 'begintime') ?? 0;
  const end = dateTimeField(req, 'endtime') ?? 0;
  if (end < begin) throw new ApiFailure('endtime不能早于begintime');
  const visitor: VisitorRecord = {
    no: ctx.state.nextNo(ctx.now().getTime()),
    name: req.need('name'),
    phone: req.need('phone'),
    staffno,
    reason: req.text('reason') ?? '',
    begintime: formatDateTime(new Date(begin)),
    endtime: formatDateTime(new Date(end)),
    idcard: req.need('idcard'),
    carno: req.text('carno') ?? '',
    ...photoOf(req, ctx),
    devices: [],
  };
  ctx.state.visitors.set(visitor.no, visitor);
  return ok(req.entry, { no: visitor.no });
};

const sync: Handler = (req, ctx) => {
  const visitor = existing(req, ctx);
  const targets = req
    .need('devicenos')
    .split(',')
    .map((no) => no.trim());
  for (const no of targets) if (!ctx.state.devices.has(no)) throw new ApiFailure(`设备不存在(devicenos: ${no})`);
  visitor.devices = [...new Set([...visitor.devices, ...targets])];
  return ok(req.entry);
};

const remove: Handler = (req, ctx) => {
  const visitor = existing(req, ctx);
  const offline = visitor.devices.find((no) => ctx.state.devices.get(no)?.online === false);
  if (offline !== undefined) throw new ApiFailure(`设备离线(deviceno: ${offline})`);
  ctx.state.visitors.delete(visitor.no);
  return ok(req.entry);
};

export const VISITOR_HANDLERS: Readonly<Record<string, Handler>> = {
  'visitor.create': create,
  'visitor.sync': sync,
  'visitor.delete': remove,
};
