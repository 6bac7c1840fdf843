import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, form, query } from '../../endpoint-table.ts';
import type { FieldSpec } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { bool, file, millis, oneOf, paging, str, timeOrMillis, uuid, uuids } from '../field-types.ts';
import {
  BatchResultSchema,
  PersonAddItemSchema,
  PersonListItemSchema,
  PersonSchema,
  UploadResultSchema,
  batchResult,
  okData,
} from '../records.ts';

/** Person field formats as person.batchAdd and person.update state them ("长度:[1,40]", "格式: 数字, 长度:[6,18]", …). */
const person = {
  name: () => z.string().min(1).max(40),
  code: () => z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'letters and digits, 1–32'),
  identifyNum: () => z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'letters and digits, 1–32'),
  /** "最大40位数字、字母和ascii码的字符". */
  uniqueIdentify: () => z.string().regex(/^[\x20-\x7e]{1,40}$/, 'up to 40 ASCII characters'),
  /** "汉字,大小写英文字母,数字, 长度: [1,40]". */
  visitFirm: () => z.string().regex(/^[\p{Script=Han}A-Za-z0-9]{1,40}$/u, 'Chinese characters, letters and digits, 1–40'),
  visitReason: () => z.string().min(1).max(255),
  /** "符合一般邮箱格式即可". */
  email: () => z.email(),
  phone: () => z.string().regex(/^\d{6,18}$/, 'digits, 6–18'),
  /** "[1,20]" in the requests, "[1,16]" in batchAdd's result (erratum E17). */
  cardNum: () => z.string().regex(/^\d{1,20}$/, 'digits, 1–20'),
  password: () => z.string().regex(/^\d{4,6}$/, 'digits, 4–6'),
  postion: () => z.string().max(64),
  ext: () => z.string().max(255),
};

/** The optional person fields a person.batchAdd item and person.update share: name, schema, description. */
const personFields: readonly (readonly [string, z.ZodType, string])[] = [
  ['sex', oneOf(0, 1, 2), 'sex: 0 未知 unknown, 1 男 male, 2 女 female'],
  ['imageUri', str(), 'face photo uri, from person.uploadImage'],
  ['code', person.code(), 'employee code (employees only); unique if given; letters and digits, 1–32'],
  ['identifyNum', person.identifyNum(), 'ID-card number; letters and digits, 1–32'],
  ['uniqueIdentify', person.uniqueIdentify(), 'unique identifier; unique if given; up to 40 ASCII characters'],
  ['visitFirm', person.visitFirm(), "visitor's company (visitors); Chinese characters, letters, digits, 1–40"],
  ['visitStartTimeStamp', millis(), 'visit start, epoch ms; required for visitors ("访客必填")'],
  ['visitEndTimeStamp', millis(), 'visit end, epoch ms; required for visitors ("访客必填")'],
  ['visitReason', person.visitReason(), 'visit reason (visitors), 1–255 characters'],
  ['visitedUuid', uuid(), 'uuid of the person visited; required for visitors ("访客必填")'],
  ['visitType', oneOf(1, 2), 'visitor type (visitors): 1 普通访客 ordinary visitor, 2 VIP访客 VIP visitor'],
  ['email', person.email(), 'e-mail'],
  ['phone', person.phone(), 'mobile number, 6–18 digits'],
  ['cardNum', person.cardNum(), 'card number; unique if given; 1–20 digits'],
  ['password', person.password(), 'password (employees), 4–6 digits'],
  ['entryTimeStamp', millis(), 'hire date, epoch ms; employees only ("员工填写生效")'],
  ['postion', person.postion(), "job title (sic 'postion'), 0–64 characters; employees only"],
  ['birthdayStamp', millis(), 'birthday, epoch ms'],
  ['ext', person.ext(), 'remark, 0–255 characters'],
  ['groupList', uuids(), 'uuids of the person groups to join (组管理)'],
];

const personUpdateFields: FieldSpec[] = [
  body('uuid', uuid(), true, 'person uuid'),
  body('name', person.name(), false, 'name, 1–40 characters'),
  ...personFields.map(([name, schema, description]) => body(name, schema, false, description)),
];

/** A person.batchAdd item: name and type required, uuid optional ("若填写需保证唯一, 最大长度32位"). */
const personAddItem = z.strictObject({
  name: person.name(),
  type: oneOf(1, 2, 3),
  uuid: uuid().max(32).optional(),
  ...Object.fromEntries(personFields.map(([name, schema]) => [name, schema.optional()])),
});

/** Hongtu: device alarms (一脸通设备告警事件模块), persons (人员管理) and the common file upload (共通模块), endpoints 1–10. */
export const alarmPersonEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'deviceAlarm.list', method: 'POST', path: '/v1/api/device_alarm/list',
    section: '1', title: '一脸通设备告警事件分页查询 / Page query of device alarm events', group: '一脸通设备告警事件模块 / One-Face-Pass device alarm events',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('deviceUuids', uuids(), false, 'device uuids'),
      body('deviceName', str(), false, 'device name, fuzzy match'),
      body('alarmStatus', oneOf(0, 1), false, 'historical alarm status: 0 报警恢复 alarm cleared, 1 报警 alarm'),
      body('alarmType', oneOf(500000, 500100, 500102, 500104, 500108, 500500), false, 'alarm type: 500000 存储空间占用超过 90% 报警 storage usage > 90%, 500100 防拆报警 tamper, 500102 密码破解报警 password cracking, 500104 门禁开放超时报警 door-open timeout, 500108 测温模块失效 temperature module failure, 500500 消防报警 fire alarm'),
      body('startAlarmTime', timeOrMillis(), false, "alarm time from (inclusive): 'yyyy-MM-dd HH:mm:ss' or epoch ms"),
      body('endAlarmTime', timeOrMillis(), false, "alarm time to (exclusive): 'yyyy-MM-dd HH:mm:ss' or epoch ms"),
    ],
  },
  {
    id: 'person.uploadImage', method: 'POST', path: '/v1/api/person/uploadImage',
    section: '2', title: '上传人员图片 / Upload person (face) image', group: '人员管理 / Person management',
    body: 'multipart', reply: 'object', data: UploadResultSchema,
    fields: [
      form('file', file(), true, 'face image: jpg, jpeg, bmp or png (either case), at most "10m"; checked for face quality and compressed by the server'),
    ],
    notes: [
      'Multipart, one part "file": "最大10m,支持格式:jpg|jpeg|bmp|png|JPG|JPEG|BMP|PNG"; the server judges face quality ("接口内部包含了人脸质量判断"). The signature\'s body slot is empty for uploads (§2.2).',
      'Pass the returned uri as imageUri to person.batchAdd / person.update (flow: "添加人员需要头像的时候通过“上传人员图片”进行上传").',
    ],
  },
  {
    id: 'person.update', method: 'POST', path: '/v1/api/person/update',
    section: '3', title: '修改人员 / Update person', group: '人员管理 / Person management',
    body: 'json-object', reply: 'string', data: okData,
    fields: personUpdateFields,
    notes: [
      'Visitor fields are "访客必填" (visitStartTimeStamp, visitEndTimeStamp, visitedUuid): required for visitors, which a per-field flag cannot say; the server enforces it.',
      'groupList is "加入的组集合" here but "加入的组uuid集合" in batchAdd: group uuids are sent; whether it replaces or adds memberships is not stated (erratum E20).',
      'cardNum: the request says "长度:[1,20]", batchAdd\'s result "[1,16]" (erratum E17); the request rule is applied.',
    ],
  },
  {
    id: 'person.batchDelete', method: 'POST', path: '/v1/api/person/batchDelete',
    section: '4', title: '批量删除人员 / Batch delete persons', group: '人员管理 / Person management',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('uuidList', uuids(), true, 'person uuids'),
    ],
  },
  {
    id: 'person.batchAdd', method: 'POST', path: '/v1/api/person/batchAdd',
    section: '5', title: '批量添加人员 / Batch add persons', group: '人员管理 / Person management',
    body: 'json-object', reply: 'object', data: batchResult(PersonAddItemSchema),
    fields: [
      body('personList', z.array(personAddItem).min(1), true, 'persons to add: 1 员工 employee, 2 访客 visitor, 3 重点人员 key person'),
    ],
    notes: [
      'Visitor fields are "访客必填" (visitStartTimeStamp, visitEndTimeStamp, visitedUuid): required for visitors (type 2), which a per-field flag cannot say; the server enforces it.',
      'Result items echo the person, but "code" is the item\'s result code ("结果状态码") and the employee code comes back as "staffCode"; they omit uniqueIdentify and visitFirm (erratum E19).',
      'cardNum: the request says "长度:[1,20]", the result "[1,16]" (erratum E17); the request rule is applied.',
    ],
  },
  {
    id: 'person.list', method: 'POST', path: '/v1/api/person/list',
    section: '6', title: '搜索人员列表 / Search persons (paged)', group: '人员管理 / Person management',
    body: 'json-object', reply: 'page', data: paged(PersonListItemSchema),
    fields: [
      ...paging(),
      body('type', oneOf(1, 2, 3), false, 'person category: 1 员工 employee, 2 访客 visitor, 3 重点人员 key person / watch-list'),
      body('name', str(), false, 'name'),
      body('phone', str(), false, 'mobile number'),
      body('identifyNum', str(), false, 'ID-card number'),
      body('email', str(), false, 'e-mail'),
      body('code', str(), false, 'employee code'),
      body('cardNum', str(), false, 'card number'),
      body('uniqueIdentify', str(), false, 'unique identifier'),
      body('staffEntryMinStamp', millis(), false, 'hire date lower bound, epoch ms'),
      body('staffEntryMaxStamp', millis(), false, 'hire date upper bound, epoch ms'),
      body('visitorCreateMinStamp', millis(), false, 'visitor creation lower bound, epoch ms'),
      body('visitorCreateMaxStamp', millis(), false, 'visitor creation upper bound, epoch ms'),
      body('filterVisitedType', oneOf(0, 1, 2), false, 'filter by visitor validity: 0 不筛选 no filter, 1 有效 valid, 2 无效 invalid'),
      body('simpleInfo', bool(), false, 'return only simple info (id+name); default false'),
      body('isPinyinOrder', bool(), false, 'sort by pinyin; default true'),
      body('visitType', oneOf(1, 2), false, 'visitor type: 1 普通访客 ordinary visitor, 2 VIP访客 VIP visitor'),
      body('visitedName', str(), false, 'name of the visited employee'),
    ],
  },
  {
    id: 'person.uuidList', method: 'POST', path: '/v1/api/person/uuid/list',
    section: '7', title: '人员详细信息列表查询 / Get person details by uuid list', group: '人员管理 / Person management',
    body: 'json-object', reply: 'array', data: listOf(PersonSchema),
    fields: [
      body('uuidList', uuids(), true, 'person uuids'),
    ],
  },
  {
    id: 'person.query', method: 'POST', path: '/v1/api/person/query',
    section: '8', title: '根据uuid返回人员信息 / Get one person by uuid', group: '人员管理 / Person management',
    body: 'json-object', reply: 'object', data: PersonSchema,
    fields: [
      body('uuid', uuid(), true, 'person uuid'),
    ],
  },
  {
    id: 'person.visitorCode', method: 'POST', path: '/v1/api/person/visitorCode',
    section: '9', title: '根据访客UUID获取二维码 / Get visitor QR code', group: '人员管理 / Person management',
    body: 'json-object', reply: 'object', data: z.looseObject({ qrCode: z.string() }),
    fields: [
      body('uuid', uuid(), true, 'visitor uuid'),
    ],
    notes: [
      'The document lists a 路径参数 "personUuid 访客UUID" although the path has no placeholder, and a Body "uuid string 必须 人员uuid": the visitor uuid is sent as {"uuid"} to the literal path (erratum E13).',
      'qrCode is "访客二维码图片(base64编码的字符串)".',
    ],
  },
  {
    id: 'misc.fileUpload', method: 'POST', path: '/v1/api/misc/file/upload',
    section: '10', title: '上传文件 / Upload (non-face) file', group: '共通模块 / Common',
    body: 'multipart', reply: 'object', data: UploadResultSchema,
    fields: [
      query('type', oneOf(1, 2), true, 'file purpose: 1 导入文件 import file (batch imports, temporary uploads), 2 认证文件 certification file (reserved)'),
      form('file', file(), true, 'file to upload; for file types other than faces'),
    ],
    notes: [
      'type is the document\'s one Query parameter ("type 是 1:导入文件…,2:认证文件…", no type given): sent in the URL and signed as queryParamStr "type=1" with an empty body slot (§2.3).',
      'For files other than faces ("此接口适用于传输非人脸以外的文件类型", erratum E37); faces go through person.uploadImage.',
    ],
  },
];
