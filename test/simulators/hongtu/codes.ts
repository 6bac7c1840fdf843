/**
 * The error codes of the document's §错误码 (hongtu.md §9), messages verbatim, and the one exception
 * type the handlers throw to answer with one of them. Where the document prints a code twice
 * (103011, 103012) the first meaning is kept.
 */
export const MESSAGES: Readonly<Record<number, string>> = {
  0: '成功',
  [-1]: '系统异常',
  100001: '未登录',
  100002: '无访问权限',
  100003: '参数不合法',
  100008: '签名错误',
  100009: '未找到记录',
  100010: 'CORE Exception',
  100011: 'AIOT Exception',
  999999: 'extra',
  103000: '读取文件出错误',
  103001: 'imageuri为空',
  103002: '设备未绑定',
  103003: '验证码不存在',
  103004: '主题不存在',
  103005: '参数异常',
  103006: '迎宾设备不存在',
  103007: '视频流设备不存在,请刷新后重新选择',
  103008: '展示的视频流设备不存在,请刷新后重新选择',
  103009: '没有找到相应的迎宾记录',
  103010: '迎宾设备已绑定',
  103011: '绑定失败,设备已绑定',
  103012: '设备不存在',
  103013: '区域不存在',
  104401: '请选择要添加的考勤设备',
  104402: '不允许跨区域添加考勤设备',
  104403: '不允许批量添加同一个设备',
  104404: '删除设备失败，参数为空',
  104405: '出勤调整失败，非考勤组人员',
  104406: '获取人员信息失败',
  104407: '考勤记录不存在',
  104408: '考勤时段不存在',
  104409: '人员信息不存在',
  104410: '人员信息不存在',
  104411: '考勤组不存在',
  104412: '考勤组名字重复',
  104413: '未设置考勤时段',
  104414: '考勤时段编号设置错误',
  104415: '最多允许设置3个考勤时段',
  104416: '跨天时段不能超过次日12时',
  104417: '考勤时段累计不能超过24小时',
  104418: '考勤时段间隔必须大于1分钟',
  104419: '考勤时段的起始时间不能晚于结束时间',
  104420: '考勤时段不支持重合',
  104421: '最多可设置32个特殊日期',
  104022: '特殊日期不能重复',
  104023: '特殊日期不可选择历史日期',
  104024: '不存在跨天时段，不允许设置跨天统计',
  104025: '只允许一个时间段跨天',
  104026: '考勤周计划重复',
  104027: '设备不存在',
  104028: '添加出勤调整记录失败，考勤记录ID为空',
  104029: '出勤调整失败，不符合调整规定',
  104030: '开始时间不能大于结束时间',
  104031: '开始时间不能等于结束时间',
  104032: '起止时间跨度不能超过3个月',
  104033: '权限不足',
  104034: '参数无效',
  104035: '参数有重复，请仔细核对！',
  104036: '重复添加！',
  104037: '本月5号前只能调整上一个自然月及其以后的考勤记录',
  104038: '本月5号以后只能调整本月及本月以后的考勤记录',
  104039: '不支持服务器类设备的添加',
  104040: '名字包含非法字符',
  104041: '导出文件异常',
  104042: '考勤时间段为空',
  104043: '考勤时间段长度大于三个月',
  104044: '考勤周期枚举类型设置错误，请检查！',
  104045: '非门禁点设备！',
  105001: '批量删除失败',
  105002: '导出记录最长记录为3个月',
  106001: '事件规则不存在',
  106002: '参数错误:%s',
  106003: '事件记录%s不存在',
  106004: '事件记录%s已经处理过了',
  106005: '服务器信息错误%s',
  106006: '创建文件目录失败',
  106007: '导出Excel文件失败',
  106008: '导出事件记录条目异常',
  106009: '导出任务不存在，任务ID为%s',
  106010: '缓存第三方订阅消息消息失败,消息trackID = %s',
  106011: '删除历史记录失败',
  106012: '事件规则名为空',
  106013: '事件规则名只能包含中文、数字、字母',
  106014: '事件规则名长度错误',
  106015: '事件规则名称冲突',
  106016: '更新任务状态异常',
  121001: '获取高频人员列表失败',
  121002: '高频处理出现错误',
  121003: '人员入ES索引错误',
  121004: '查询人员详情出现错误',
  121005: '查询人员列表出现错误',
  121006: '人员聚类任务名称重复添加',
  121007: '人员聚类任务添加达到上限',
  121008: '人员聚类任务添加错误',
  121009: '查询高频人员详情出现错误',
  121010: '调用中台接口错',
  121011: '查询轨迹信息错误',
  121012: '轨迹列表获取失败',
  121013: '过人库Track错误',
  121014: '深度实时检索并发上限3次，该操作已超上限，请稍后再试',
  121015: '导出超出上限1000条',
  121016: '导出条目出现异常',
  121017: '导出操作出现异常',
  121018: '导出数量为空',
  121019: '获取列表失败',
  121020: '识别记录推送MQ失败',
  121021: '获取图片失败',
  121022: '本地缓冲操作错误',
  121023: 'PersonId和ProfileId不能同时为空',
  121024: '获取人次数失败',
  121025: '以图搜图查看失败',
  121026: '图片URI和ProfileId不能同时为空',
  121027: '获取档案信息失败',
  121028: 'PersonId和ProfileId不能同时存在',
  121029: '以图搜图查看记录详情错误',
  121030: '添加一人一档强id错误',
  121031: '添加人员底库失败，人脸过多',
  121032: '添加人员底库失败，未检测到人脸',
  121033: '添加人员底库失败，未检测到人脸',
  121034: '添加人员底库失败，人脸质量过低',
  121035: '添加人员底库失败',
  121036: '删除底库人员失败',
  121037: '人员服务内部调用错',
  121038: '处理时间计划处理失败',
  121039: '识别pipeline错误',
  121040: '开始时间大于结束时间',
  121041: '入参pageNum或者pageSize不可小于等于0',
  121042: 'personUuid和profileUuid不能同时为空,也不能同时存在,请检查参数',
  121043: '图片质量不合格，可能是由于人脸过多',
  121044: 'flag如果参数传递 参数只能为true或者false',
  121045: '字符串长度超出',
  121046: '聚类任务不存在',
  121047: '档案不存在',
  121048: '设备不存在',
  121049: '聚类任务不存在',
  121050: '聚类任务未完成',
};

export const DOCUMENTED_CODES: ReadonlySet<number> = new Set(Object.keys(MESSAGES).map(Number));

export const SUCCESS = 0;
export const SYSTEM_ERROR = -1;
/** 参数不合法: bad JSON, wrong types, and missing fields outside the modules below. */
export const INVALID_PARAMETER = 100003;
export const SIGNATURE_ERROR = 100008;
export const NOT_FOUND = 100009;
export const AIOT_EXCEPTION = 100011;
/** 通行业务 参数异常: missing or bad fields of devices, doors, groups, schedules and authorities. */
export const PASS_PARAMETER = 103005;
export const FILE_READ_ERROR = 103000;
export const IMAGE_URI_EMPTY = 103001;
export const DEVICE_NOT_BOUND = 103002;
export const ALREADY_BOUND = 103011;
export const DEVICE_NOT_FOUND = 103012;
/** 考勤 参数无效. */
export const ATTENDANCE_PARAMETER = 104034;
/** 非门禁点设备！ — printed among the attendance codes, the only code that says "not a door device". */
export const NOT_A_DOOR = 104045;
export const GET_IMAGE_FAILED = 121021;
export const SCHEDULE_FAILED = 121038;
export const BAD_PAGING = 121041;
/** The face-quality verdicts a test may set on an uploaded image (人员管理). */
export const FACE_VERDICT_CODES: ReadonlySet<number> = new Set([121031, 121032, 121033, 121034, 121043]);

/** The document's text for a code; `%s` placeholders filled with `detail` when given. */
export function messageFor(code: number, detail?: string): string {
  const text = MESSAGES[code] ?? MESSAGES[SYSTEM_ERROR] ?? '系统异常';
  if (text.includes('%s')) return text.replace('%s', detail ?? '');
  return detail === undefined ? text : `${text}: ${detail}`;
}

/**
 * The code a missing or empty required field answers (the document gives none per field): the
 * module's own parameter code where its table has one — 通行业务 103005 for pass groups, schedules,
 * authorities, devices and doors; 考勤 104034 for attendance — else the public 100003.
 */
export function missingFieldCode(endpointId: string): number {
  const module = endpointId.split('.')[0] ?? '';
  if (module.startsWith('attendance')) return ATTENDANCE_PARAMETER;
  if (['passGroup', 'schedule', 'passAuthority', 'device', 'door'].includes(module)) return PASS_PARAMETER;
  return INVALID_PARAMETER;
}

/** Thrown by handlers and checks; answered as `{code, msg: messageFor(code, detail), data: null}`. */
export class ApiFailure extends Error {
  readonly code: number;
  readonly detail: string | undefined;

  constructor(code: number, detail?: string) {
    super(messageFor(code, detail));
    this.name = 'ApiFailure';
    this.code = code;
    this.detail = detail;
  }
}
