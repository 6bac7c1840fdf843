import type { DriverError, LocalizedText } from '../driver-error.ts';
import { vendorFailure, type FailureCodes } from '../vendor-failure.ts';

/**
 * Every code of the document's error-code tables (seed lines 1263-1590; hongtu.md §9), with the
 * document's own Chinese text, the module table it is printed in, and advice in both languages that
 * tells an installer what to do next. `code` 0 in the envelope is success, anything else a failure.
 *
 * The module headings are displaced by the PDF conversion; the attribution below follows the
 * document's outline anchors (af://n293 公共, n342 通行业务, n415 考勤异常, n604 通行记录, n621 事件业务,
 * n694 人员管理), which put 103xxx under 通行业务, 104xxx under 考勤异常, 105xxx under 通行记录.
 *
 * The tables are printed with defects (erratum E38) and are kept as printed: 103011 appears twice
 * with two different texts (绑定失败,设备已绑定 / 导出文件异常 — the call decides which applies, and
 * {@link hongtuAdvice} picks the one the reply's `msg` matches), 103012 appears twice with the same
 * text, and the attendance codes jump from 104421 to 104022.
 */
type HongtuModule = 'public' | 'pass' | 'attendance' | 'passRecord' | 'event' | 'person';

type Row = readonly [code: number, documentText: string, en: string, zh: string];

/** What to do when Hongtu refuses the signature (`100008 签名错误`). */
export const HONGTU_CREDENTIALS_ADVICE: LocalizedText = {
  en:
    'Hongtu refused the request signature (100008 签名错误). Likely causes, in order: ' +
    '(1) the appKey/secretKey pair is wrong — copy both exactly as issued by the Hongtu platform (no spaces, and the two must belong to the same pair); ' +
    '(2) this computer’s clock differs from the Hongtu server’s — the signature includes ctimestamp in milliseconds, so set the right date, time and time zone and turn on automatic time (NTP) on this computer (and check the server’s clock); ' +
    '(3) the body that was hashed differs from the body that arrived — e.g. a proxy or gateway rewrote the request; connect directly, and if it still fails, send Doorman’s log to support.',
  'zh-CN':
    '鸿图拒绝了请求签名（100008 签名错误）。常见原因依次为：' +
    '(1) appKey/secretKey 不正确——请按鸿图平台分配的原样填写（不要有空格，且两者必须属于同一组）；' +
    '(2) 本机时钟与鸿图服务器不一致——签名包含毫秒级 ctimestamp，请校正本机的日期、时间和时区，并开启自动对时（NTP），同时检查服务器时钟；' +
    '(3) 参与签名的请求体与服务器收到的不一致——例如被代理或网关改写；请直连服务器，仍失败请将 Doorman 日志发给技术支持。',
};

/** For when Doorman knows its clock is off from the Hongtu server's (e.g. from the HTTP Date header). */
export const HONGTU_CLOCK_SKEW_ADVICE: LocalizedText = {
  en:
    'This computer’s clock is off from the Hongtu server’s. Every request is signed with ctimestamp (the computer’s time in milliseconds), so Hongtu refuses requests from a computer whose clock is wrong (100008 签名错误). ' +
    'Set this computer’s date, time and time zone correctly and turn on automatic time (NTP); if this computer is right, ask the site IT to fix the Hongtu server’s clock. Then test the connection again.',
  'zh-CN':
    '本机时钟与鸿图服务器时间不一致。每个请求都用 ctimestamp（本机毫秒时间戳）签名，时钟不准时鸿图会拒绝请求（100008 签名错误）。' +
    '请校正本机的日期、时间和时区并开启自动对时（NTP）；若本机时间无误，请让现场 IT 校正鸿图服务器的时钟。然后重新测试连接。',
};

const RECAPTURE_EN = 'Capture again: face the camera straight at 0.5–1 m, face large and centred, even light in front of the face (no back light or harsh shadow), hold still, nothing covering the face (mask, hat, hand, sunglasses, glare on glasses).';
const RECAPTURE_ZH = '请重新采集：正对摄像头，距离 0.5–1 米，人脸居中且足够大，面部正前方光线均匀（避免逆光和强烈阴影），保持不动，面部无遮挡（口罩、帽子、手、墨镜、眼镜反光）。';

const NO_FACE_EN = `No face was found in the photo. ${RECAPTURE_EN}`;
const NO_FACE_ZH = `照片中未检测到人脸。${RECAPTURE_ZH}`;

const REFRESH_EN = 'Refresh the list from Hongtu (it may have been deleted there) and choose again.';
const REFRESH_ZH = '请从鸿图刷新列表（可能已在鸿图中被删除）后重新选择。';

const EXPORT_EN = 'The export failed on the Hongtu server. Try again with a shorter time range; if it repeats, check the free disk space and the log on the Hongtu server.';
const EXPORT_ZH = '鸿图服务器导出失败。请缩短时间范围后重试；反复出现请检查鸿图服务器的磁盘空间和日志。';

const SERVICE_EN = 'Try again; if it repeats, check that all Hongtu services are running on the server and look at its log (or ask Megvii support).';
const SERVICE_ZH = '请重试；反复出现请检查鸿图服务器上各服务是否正常运行并查看日志（或联系旷视技术支持）。';

const PARAM_EN = 'If you typed this value, correct it; if not, it is a Doorman fault — send Doorman’s log to support.';
const PARAM_ZH = '若该值由您填写，请更正；否则为 Doorman 的问题，请将 Doorman 日志发给技术支持。';

const PUBLIC: readonly Row[] = [
  [0, '成功', 'Success; nothing to do.', '成功，无需处理。'],
  [-1, '系统异常', `Hongtu reported an internal system error. Check the values sent. ${SERVICE_EN}`, `鸿图报告系统异常。请检查提交的内容。${SERVICE_ZH}`],
  [100001, '未登录', 'Hongtu says "not logged in". Its OpenAPI signs each request instead of logging in: check the appKey and secretKey in this backend’s settings and that the OpenAPI is enabled on this server, then test the connection again.', '鸿图提示“未登录”。其 OpenAPI 以签名鉴权，不需要登录：请检查本后台设置中的 appKey 和 secretKey，并确认该服务器已开放 OpenAPI，然后重新测试连接。'],
  [100002, '无访问权限', 'This appKey has no permission for this call. Ask the Hongtu administrator to grant it access to this API, or use a key pair that has it.', '该 appKey 无权调用此接口。请让鸿图管理员为其开通此接口权限，或改用有权限的密钥。'],
  [100003, '参数不合法', `Hongtu rejected a parameter (required field missing, wrong format or length); the message may name it. ${PARAM_EN}`, `鸿图认为参数不合法（缺少必填项、格式或长度不对），提示信息中可能指明了字段。${PARAM_ZH}`],
  [100008, '签名错误', HONGTU_CREDENTIALS_ADVICE.en, HONGTU_CREDENTIALS_ADVICE['zh-CN']],
  [100009, '未找到记录', `The record was not found on Hongtu. ${REFRESH_EN}`, `鸿图中未找到该记录。${REFRESH_ZH}`],
  [100010, 'CORE Exception', `Hongtu’s core service failed. Check that the core service is running on the Hongtu server (restart it if needed). ${SERVICE_EN}`, `鸿图核心服务（CORE）异常。请检查鸿图服务器上的核心服务是否运行（必要时重启）。${SERVICE_ZH}`],
  [100011, 'AIOT Exception', 'Hongtu’s AIoT (device) service failed. Check that the device is powered and online in Hongtu and that the AIoT service is running on the server, then try again.', '鸿图 AIoT（设备）服务异常。请确认设备已通电并在鸿图中在线、服务器上 AIoT 服务正常运行，然后重试。'],
  [999999, 'extra', `Hongtu returned its catch-all code; read the message for the cause. ${SERVICE_EN}`, `鸿图返回了兜底错误码，请查看提示信息了解原因。${SERVICE_ZH}`],
];

const PASS: readonly Row[] = [
  [103000, '读取文件出错误', 'Hongtu could not read the uploaded file. Check it is a complete, valid image (JPEG or PNG) and upload it again.', '鸿图无法读取上传的文件。请确认文件是完整有效的图片（JPEG 或 PNG）后重新上传。'],
  [103001, 'imageuri为空', 'The image URI is empty. Upload the photo first and send the imageUri Hongtu returns.', '图片 URI 为空。请先上传照片，再使用鸿图返回的 imageUri。'],
  [103002, '设备未绑定', 'The device is not bound. Bind the device first, then try again.', '设备未绑定。请先绑定设备后重试。'],
  [103003, '验证码不存在', 'The verification code does not exist (expired or mistyped). Get a new code and try again.', '验证码不存在（已过期或输入有误）。请重新获取验证码后重试。'],
  [103004, '主题不存在', `The topic does not exist. ${REFRESH_EN}`, `主题不存在。${REFRESH_ZH}`],
  [103005, '参数异常', `A parameter is wrong; the message may name it. ${PARAM_EN}`, `参数异常，提示信息中可能指明了字段。${PARAM_ZH}`],
  [103006, '迎宾设备不存在', `The welcome-screen device does not exist. ${REFRESH_EN}`, `迎宾设备不存在。${REFRESH_ZH}`],
  [103007, '视频流设备不存在,请刷新后重新选择', `The video-stream device does not exist. ${REFRESH_EN}`, `视频流设备不存在。${REFRESH_ZH}`],
  [103008, '展示的视频流设备不存在,请刷新后重新选择', `The displayed video-stream device does not exist. ${REFRESH_EN}`, `所展示的视频流设备不存在。${REFRESH_ZH}`],
  [103009, '没有找到相应的迎宾记录', 'No matching welcome record was found. Widen the time range or loosen the filter.', '没有找到相应的迎宾记录。请扩大时间范围或放宽筛选条件。'],
  [103010, '迎宾设备已绑定', 'This welcome device is already bound. Use it as it is, or unbind it first.', '该迎宾设备已绑定。可直接使用，或先解绑。'],
  [103011, '绑定失败,设备已绑定', 'Binding failed: the device is already bound elsewhere. Unbind it there first, or leave it as it is.', '绑定失败：设备已绑定到其他位置。请先在原处解绑，或保持现状。'],
  [103012, '设备不存在', `The device does not exist on Hongtu. ${REFRESH_EN}`, `鸿图中不存在该设备。${REFRESH_ZH}`],
  [103011, '导出文件异常', EXPORT_EN, EXPORT_ZH],
  [103012, '设备不存在', `The device does not exist on Hongtu. ${REFRESH_EN}`, `鸿图中不存在该设备。${REFRESH_ZH}`],
  [103013, '区域不存在', `The area does not exist. ${REFRESH_EN}`, `区域不存在。${REFRESH_ZH}`],
];

const ATTENDANCE: readonly Row[] = [
  [104401, '请选择要添加的考勤设备', 'Choose at least one attendance device to add.', '请至少选择一台要添加的考勤设备。'],
  [104402, '不允许跨区域添加考勤设备', 'Devices added together must be in the same area. Add them area by area.', '同一批添加的考勤设备必须属于同一区域。请按区域分批添加。'],
  [104403, '不允许批量添加同一个设备', 'The same device is in the list twice. Remove the duplicate and add again.', '列表中有重复的设备。请去掉重复项后重新添加。'],
  [104404, '删除设备失败，参数为空', 'No device was given to delete. Choose the devices, then delete again.', '未指定要删除的设备。请选择设备后重新删除。'],
  [104405, '出勤调整失败，非考勤组人员', 'The person is not in any attendance group, so attendance cannot be adjusted. Add them to an attendance group first.', '该人员不在任何考勤组中，无法调整出勤。请先将其加入考勤组。'],
  [104406, '获取人员信息失败', `Hongtu could not read the person’s details. Check the person still exists. ${SERVICE_EN}`, `鸿图无法获取人员信息。请确认该人员仍存在。${SERVICE_ZH}`],
  [104407, '考勤记录不存在', `The attendance record does not exist. ${REFRESH_EN}`, `考勤记录不存在。${REFRESH_ZH}`],
  [104408, '考勤时段不存在', 'The attendance period does not exist. Reload the attendance group and choose one of its periods.', '考勤时段不存在。请重新加载考勤组并从其时段中选择。'],
  [104409, '人员信息不存在', 'The person does not exist on Hongtu. Enroll or sync the person first, or refresh the list.', '鸿图中不存在该人员。请先登记或同步该人员，或刷新列表。'],
  [104410, '人员信息不存在', 'The person does not exist on Hongtu. Enroll or sync the person first, or refresh the list.', '鸿图中不存在该人员。请先登记或同步该人员，或刷新列表。'],
  [104411, '考勤组不存在', `The attendance group does not exist. ${REFRESH_EN}`, `考勤组不存在。${REFRESH_ZH}`],
  [104412, '考勤组名字重复', 'An attendance group with this name already exists. Choose another name, or edit the existing group.', '已有同名考勤组。请换一个名称，或直接编辑已有的考勤组。'],
  [104413, '未设置考勤时段', 'The group has no attendance period. Set at least one (on-duty and off-duty times).', '考勤组未设置考勤时段。请至少设置一个（上班和下班时间）。'],
  [104414, '考勤时段编号设置错误', 'The period numbers are wrong. Number the periods in order, one number each (at most three periods).', '考勤时段编号错误。请按顺序为时段编号，每个时段一个编号（最多三个时段）。'],
  [104415, '最多允许设置3个考勤时段', 'At most 3 attendance periods are allowed. Remove the extra ones.', '最多只能设置 3 个考勤时段。请删去多余的时段。'],
  [104416, '跨天时段不能超过次日12时', 'A period that crosses midnight must end by 12:00 the next day. Move its end earlier.', '跨天时段最晚只能到次日 12:00。请提前结束时间。'],
  [104417, '考勤时段累计不能超过24小时', 'All periods together may not exceed 24 hours. Shorten them.', '所有考勤时段累计不能超过 24 小时。请缩短时段。'],
  [104418, '考勤时段间隔必须大于1分钟', 'Leave more than one minute between one period and the next.', '相邻考勤时段之间须间隔 1 分钟以上。'],
  [104419, '考勤时段的起始时间不能晚于结束时间', 'A period starts after it ends. Correct its times.', '有考勤时段的开始时间晚于结束时间。请更正时间。'],
  [104420, '考勤时段不支持重合', 'Two periods overlap. Change the times so they do not overlap.', '考勤时段有重叠。请调整时间使其互不重叠。'],
  [104421, '最多可设置32个特殊日期', 'At most 32 special dates are allowed. Remove some.', '最多只能设置 32 个特殊日期。请删去一些。'],
  [104022, '特殊日期不能重复', 'A special date is listed twice. Remove the duplicate.', '特殊日期有重复。请删去重复项。'],
  [104023, '特殊日期不可选择历史日期', 'Special dates may not be in the past. Remove the past dates.', '特殊日期不能是过去的日期。请删去历史日期。'],
  [104024, '不存在跨天时段，不允许设置跨天统计', 'Cross-day statistics need a period that crosses midnight. Add such a period, or turn cross-day statistics off.', '没有跨天时段时不能设置跨天统计。请添加跨天时段，或关闭跨天统计。'],
  [104025, '只允许一个时间段跨天', 'Only one period may cross midnight. Change the others to end before midnight.', '只允许一个时段跨天。请将其他时段调整到当天内结束。'],
  [104026, '考勤周计划重复', 'A weekday appears twice in the weekly plan. Give each weekday once.', '考勤周计划中有重复的星期。每个星期几只能设置一次。'],
  [104027, '设备不存在', `The attendance device does not exist. ${REFRESH_EN}`, `考勤设备不存在。${REFRESH_ZH}`],
  [104028, '添加出勤调整记录失败，考勤记录ID为空', 'The adjustment needs the attendance record it adjusts. Pick the attendance record, then adjust it.', '出勤调整需要指定对应的考勤记录。请先选中考勤记录再调整。'],
  [104029, '出勤调整失败，不符合调整规定', 'The adjustment breaks Hongtu’s adjustment rules (which month may be adjusted, type, times). Check the date and the adjustment, then try again.', '出勤调整不符合鸿图的调整规定（可调整的月份、类型、时间）。请检查日期和调整内容后重试。'],
  [104030, '开始时间不能大于结束时间', 'The start time is after the end time. Correct the range.', '开始时间晚于结束时间。请更正时间范围。'],
  [104031, '开始时间不能等于结束时间', 'The start and end times are the same. Give a real range.', '开始时间与结束时间相同。请设置有效的时间范围。'],
  [104032, '起止时间跨度不能超过3个月', 'The range is longer than 3 months. Query 3 months or less at a time.', '时间跨度超过 3 个月。请每次查询不超过 3 个月。'],
  [104033, '权限不足', 'Insufficient permission. Ask the Hongtu administrator to grant this appKey the attendance rights.', '权限不足。请让鸿图管理员为该 appKey 开通考勤权限。'],
  [104034, '参数无效', `A parameter is invalid; the message may name it. ${PARAM_EN}`, `参数无效，提示信息中可能指明了字段。${PARAM_ZH}`],
  [104035, '参数有重复，请仔细核对！', 'Some values are given twice. Remove the duplicates and try again.', '参数中有重复值。请去掉重复项后重试。'],
  [104036, '重复添加！', 'This has already been added. Refresh the list; nothing more to do.', '已添加过，无需重复添加。请刷新列表。'],
  [104037, '本月5号前只能调整上一个自然月及其以后的考勤记录', 'Before the 5th of the month, only records from the previous month onward can be adjusted. Older records can no longer be changed.', '每月 5 号前只能调整上个自然月及以后的考勤记录，更早的记录已无法修改。'],
  [104038, '本月5号以后只能调整本月及本月以后的考勤记录', 'From the 5th of the month on, only records of this month onward can be adjusted. Earlier records can no longer be changed.', '每月 5 号以后只能调整本月及以后的考勤记录，更早的记录已无法修改。'],
  [104039, '不支持服务器类设备的添加', 'A server-type device cannot be an attendance device. Choose a terminal (face reader) instead.', '服务器类设备不能作为考勤设备。请改选终端（人脸识别终端）。'],
  [104040, '名字包含非法字符', 'The name contains characters Hongtu does not accept. Use Chinese characters, letters and digits only.', '名称含有鸿图不接受的字符。请只使用汉字、字母和数字。'],
  [104041, '导出文件异常', EXPORT_EN, EXPORT_ZH],
  [104042, '考勤时间段为空', 'Give the date range for the attendance query.', '请填写考勤查询的时间范围。'],
  [104043, '考勤时间段长度大于三个月', 'The date range is longer than three months. Split it into parts of three months or less.', '时间范围超过三个月。请拆分为每段不超过三个月。'],
  [104044, '考勤周期枚举类型设置错误，请检查！', `The attendance cycle (week plan) type is not a valid value. ${PARAM_EN}`, `考勤周期（周计划）类型取值无效。${PARAM_ZH}`],
  [104045, '非门禁点设备！', 'The device is not an access-control point. Choose a device that is set up as a door (access point) in Hongtu.', '该设备不是门禁点设备。请选择在鸿图中已设为门禁点的设备。'],
];

const PASS_RECORD: readonly Row[] = [
  [105001, '批量删除失败', `Deleting the records failed. Try again with fewer records. ${SERVICE_EN}`, `批量删除记录失败。请减少数量后重试。${SERVICE_ZH}`],
  [105002, '导出记录最长记录为3个月', 'Exports cover at most 3 months. Shorten the range or export in parts.', '导出最多覆盖 3 个月。请缩短时间范围或分段导出。'],
];

const EVENT: readonly Row[] = [
  [106001, '事件规则不存在', `The event rule does not exist. ${REFRESH_EN}`, `事件规则不存在。${REFRESH_ZH}`],
  [106002, '参数错误:%s', `A parameter is wrong; the message names it. ${PARAM_EN}`, `参数错误，提示信息中指明了具体参数。${PARAM_ZH}`],
  [106003, '事件记录%s不存在', 'The event record named in the message does not exist (it may have been deleted). Refresh the events.', '提示信息中所指的事件记录不存在（可能已被删除）。请刷新事件列表。'],
  [106004, '事件记录%s已经处理过了', 'This event has already been handled. Refresh the events; nothing more to do.', '该事件已处理过。请刷新事件列表，无需再处理。'],
  [106005, '服务器信息错误%s', `Server information error (the document marks this code as deprecated). Check the Hongtu server’s configuration. ${SERVICE_EN}`, `服务器信息错误（文档标注此错误码已废弃）。请检查鸿图服务器配置。${SERVICE_ZH}`],
  [106006, '创建文件目录失败', 'Hongtu could not create a folder on its server. Check the server’s free disk space and folder permissions, then try again.', '鸿图无法在服务器上创建目录。请检查服务器磁盘空间和目录权限后重试。'],
  [106007, '导出Excel文件失败', EXPORT_EN, EXPORT_ZH],
  [106008, '导出事件记录条目异常', 'Some event records could not be exported. Export a shorter time range.', '部分事件记录导出异常。请缩短时间范围后导出。'],
  [106009, '导出任务不存在，任务ID为%s', 'The export task does not exist (finished, expired or wrong ID). Start the export again.', '导出任务不存在（已结束、已过期或 ID 有误）。请重新发起导出。'],
  [106010, '缓存第三方订阅消息消息失败,消息trackID = %s', `Hongtu could not queue a message for a subscriber (trackID in the message), so a pushed event may be missing. Re-read the records from Hongtu’s lists. ${SERVICE_EN}`, `鸿图缓存第三方订阅消息失败（提示信息含 trackID），推送的事件可能缺失。请从鸿图列表中重新读取记录。${SERVICE_ZH}`],
  [106011, '删除历史记录失败', `Deleting history failed. ${SERVICE_EN}`, `删除历史记录失败。${SERVICE_ZH}`],
  [106012, '事件规则名为空', 'Give the event rule a name.', '请填写事件规则名称。'],
  [106013, '事件规则名只能包含中文、数字、字母', 'Rule names may contain only Chinese characters, digits and letters. Remove spaces and symbols.', '事件规则名称只能包含中文、数字和字母。请去掉空格和符号。'],
  [106014, '事件规则名长度错误', 'The rule name is too long or empty. Use a shorter name.', '事件规则名称长度不符。请使用较短的名称。'],
  [106015, '事件规则名称冲突', 'An event rule with this name already exists. Choose another name.', '已有同名事件规则。请换一个名称。'],
  [106016, '更新任务状态异常', `Updating the task status failed. ${SERVICE_EN}`, `更新任务状态异常。${SERVICE_ZH}`],
];

const PERSON: readonly Row[] = [
  [121001, '获取高频人员列表失败', `Hongtu could not load the frequent-person list. ${SERVICE_EN}`, `鸿图获取高频人员列表失败。${SERVICE_ZH}`],
  [121002, '高频处理出现错误', `Frequent-person processing failed on Hongtu. ${SERVICE_EN}`, `鸿图高频人员处理出错。${SERVICE_ZH}`],
  [121003, '人员入ES索引错误', 'Hongtu could not index the person in its search service (Elasticsearch). Check that service on the Hongtu server, then save the person again.', '鸿图无法将人员写入检索服务（ES）索引。请检查鸿图服务器上的该服务，然后重新保存人员。'],
  [121004, '查询人员详情出现错误', `Hongtu could not read the person’s details. ${SERVICE_EN}`, `鸿图查询人员详情出错。${SERVICE_ZH}`],
  [121005, '查询人员列表出现错误', `Hongtu could not list the persons. ${SERVICE_EN}`, `鸿图查询人员列表出错。${SERVICE_ZH}`],
  [121006, '人员聚类任务名称重复添加', 'A clustering task with this name already exists. Use another name.', '已有同名人员聚类任务。请换一个名称。'],
  [121007, '人员聚类任务添加达到上限', 'The limit of clustering tasks is reached. Delete finished tasks first.', '人员聚类任务数量已达上限。请先删除已完成的任务。'],
  [121008, '人员聚类任务添加错误', `Adding the clustering task failed. Check its settings. ${SERVICE_EN}`, `添加人员聚类任务出错。请检查任务设置。${SERVICE_ZH}`],
  [121009, '查询高频人员详情出现错误', `Hongtu could not read the frequent-person details. ${SERVICE_EN}`, `鸿图查询高频人员详情出错。${SERVICE_ZH}`],
  [121010, '调用中台接口错', `An internal call between Hongtu services failed. ${SERVICE_EN}`, `鸿图内部调用中台接口出错。${SERVICE_ZH}`],
  [121011, '查询轨迹信息错误', `Hongtu could not query the trajectory. Narrow the time range. ${SERVICE_EN}`, `鸿图查询轨迹信息出错。请缩小时间范围。${SERVICE_ZH}`],
  [121012, '轨迹列表获取失败', `Hongtu could not load the trajectory list. Narrow the time range. ${SERVICE_EN}`, `鸿图获取轨迹列表失败。请缩小时间范围。${SERVICE_ZH}`],
  [121013, '过人库Track错误', `Matching against the person library failed. Check the recognition services on the Hongtu server. ${SERVICE_EN}`, `过人库比对出错。请检查鸿图服务器上的识别服务。${SERVICE_ZH}`],
  [121014, '深度实时检索并发上限3次，该操作已超上限，请稍后再试', 'At most 3 deep real-time searches may run at once. Wait until one finishes, then try again.', '深度实时检索最多同时进行 3 个。请等待其中一个完成后再试。'],
  [121015, '导出超出上限1000条', 'Exports are limited to 1000 rows. Narrow the filter or export in parts.', '导出上限为 1000 条。请缩小筛选范围或分批导出。'],
  [121016, '导出条目出现异常', 'Some rows could not be exported. Export a smaller selection.', '部分条目导出异常。请缩小选择范围后导出。'],
  [121017, '导出操作出现异常', EXPORT_EN, EXPORT_ZH],
  [121018, '导出数量为空', 'There is nothing to export: the selection is empty. Widen the filter.', '没有可导出的数据（选择为空）。请放宽筛选条件。'],
  [121019, '获取列表失败', `Hongtu could not load the list. ${SERVICE_EN}`, `鸿图获取列表失败。${SERVICE_ZH}`],
  [121020, '识别记录推送MQ失败', `Hongtu could not put recognition records on its message queue, so pushed records may be missing. Re-read them from the pass-record list, and check the MQ service on the Hongtu server. ${SERVICE_EN}`, `鸿图识别记录推送 MQ 失败，推送的记录可能缺失。请从通行记录列表重新读取，并检查鸿图服务器上的 MQ 服务。${SERVICE_ZH}`],
  [121021, '获取图片失败', 'Hongtu could not fetch the image. Check the image URI; upload the photo again if needed.', '鸿图获取图片失败。请检查图片 URI，必要时重新上传照片。'],
  [121022, '本地缓冲操作错误', `Hongtu’s local cache failed. Check the server’s free disk space. ${SERVICE_EN}`, `鸿图本地缓冲操作出错。请检查服务器磁盘空间。${SERVICE_ZH}`],
  [121023, 'PersonId和ProfileId不能同时为空', `Give a PersonId or a ProfileId. ${PARAM_EN}`, `请提供 PersonId 或 ProfileId。${PARAM_ZH}`],
  [121024, '获取人次数失败', `Hongtu could not count the visits. ${SERVICE_EN}`, `鸿图获取人次数失败。${SERVICE_ZH}`],
  [121025, '以图搜图查看失败', 'Search by image failed. Try again with a clear photo of one face.', '以图搜图失败。请使用清晰的单人脸照片重试。'],
  [121026, '图片URI和ProfileId不能同时为空', `Give an image URI or a ProfileId. ${PARAM_EN}`, `请提供图片 URI 或 ProfileId。${PARAM_ZH}`],
  [121027, '获取档案信息失败', `Hongtu could not read the profile; check it still exists. ${SERVICE_EN}`, `鸿图获取档案信息失败，请确认档案仍存在。${SERVICE_ZH}`],
  [121028, 'PersonId和ProfileId不能同时存在', `Give either PersonId or ProfileId, not both. ${PARAM_EN}`, `PersonId 和 ProfileId 只能提供其一。${PARAM_ZH}`],
  [121029, '以图搜图查看记录详情错误', `Hongtu could not open the search-by-image record. ${SERVICE_EN}`, `鸿图查看以图搜图记录详情出错。${SERVICE_ZH}`],
  [121030, '添加一人一档强id错误', 'Linking the person to a profile (one person, one file) failed on its strong ID. Check the person’s ID number or identifier, then save again.', '添加一人一档强 ID 出错。请检查人员的证件号或唯一标识后重新保存。'],
  [121031, '添加人员底库失败，人脸过多', `The photo has more than one face. Only the person being enrolled may be in view (nobody behind, no posters or badges with faces). ${RECAPTURE_EN}`, `照片中有多张人脸。画面中只能有被登记人（身后无人，无带人脸的海报或工牌）。${RECAPTURE_ZH}`],
  [121032, '添加人员底库失败，未检测到人脸', NO_FACE_EN, NO_FACE_ZH],
  [121033, '添加人员底库失败，未检测到人脸', NO_FACE_EN, NO_FACE_ZH],
  [121034, '添加人员底库失败，人脸质量过低', `The face quality is too low (blurred, too dark or bright, too small, turned or covered). ${RECAPTURE_EN}`, `人脸质量过低（模糊、过暗或过亮、过小、偏转或有遮挡）。${RECAPTURE_ZH}`],
  [121035, '添加人员底库失败', `Adding the person to the face library failed. Check the photo (one clear face) and the person’s details, then try again. ${SERVICE_EN}`, `人员加入底库失败。请检查照片（单张清晰人脸）和人员信息后重试。${SERVICE_ZH}`],
  [121036, '删除底库人员失败', `Removing the person from the face library failed, so they may still be recognised. Try again until it succeeds. ${SERVICE_EN}`, `删除底库人员失败，该人员可能仍能被识别。请重试直至成功。${SERVICE_ZH}`],
  [121037, '人员服务内部调用错', `An internal call in Hongtu’s person service failed. ${SERVICE_EN}`, `鸿图人员服务内部调用出错。${SERVICE_ZH}`],
  [121038, '处理时间计划处理失败', `Processing the time schedule failed. Check the schedule’s times and days. ${SERVICE_EN}`, `时间计划处理失败。请检查时间计划的时间和日期设置。${SERVICE_ZH}`],
  [121039, '识别pipeline错误', `The recognition pipeline failed on Hongtu. Check the algorithm services and that the device is online. ${SERVICE_EN}`, `鸿图识别流程（pipeline）出错。请检查算法服务和设备是否在线。${SERVICE_ZH}`],
  [121040, '开始时间大于结束时间', 'The start time is after the end time. Correct the range.', '开始时间晚于结束时间。请更正时间范围。'],
  [121041, '入参pageNum或者pageSize不可小于等于0', `pageNum and pageSize must be above 0. ${PARAM_EN}`, `pageNum 和 pageSize 必须大于 0。${PARAM_ZH}`],
  [121042, 'personUuid和profileUuid不能同时为空,也不能同时存在,请检查参数', `Give exactly one of personUuid and profileUuid. ${PARAM_EN}`, `personUuid 与 profileUuid 必须且只能提供其一。${PARAM_ZH}`],
  [121043, '图片质量不合格，可能是由于人脸过多', `The photo failed the quality check, possibly because it has more than one face. Only the person being enrolled may be in view. ${RECAPTURE_EN}`, `照片质量不合格，可能是画面中人脸过多。画面中只能有被登记人。${RECAPTURE_ZH}`],
  [121044, 'flag如果参数传递 参数只能为true或者false', `The flag parameter, when given, must be true or false. ${PARAM_EN}`, `flag 参数如传递，只能为 true 或 false。${PARAM_ZH}`],
  [121045, '字符串长度超出', 'A text value is too long. Shorten it (names, remarks, addresses).', '字符串长度超出限制。请缩短（如姓名、备注、地址）。'],
  [121046, '聚类任务不存在', `The clustering task does not exist. ${REFRESH_EN}`, `聚类任务不存在。${REFRESH_ZH}`],
  [121047, '档案不存在', `The profile does not exist. ${REFRESH_EN}`, `档案不存在。${REFRESH_ZH}`],
  [121048, '设备不存在', `The device does not exist on Hongtu. ${REFRESH_EN}`, `鸿图中不存在该设备。${REFRESH_ZH}`],
  [121049, '聚类任务不存在', `The clustering task does not exist. ${REFRESH_EN}`, `聚类任务不存在。${REFRESH_ZH}`],
  [121050, '聚类任务未完成', 'The clustering task has not finished yet. Wait, then try again.', '聚类任务尚未完成。请稍候再试。'],
];

const TABLES: readonly (readonly [HongtuModule, readonly Row[]])[] = [
  ['public', PUBLIC],
  ['pass', PASS],
  ['attendance', ATTENDANCE],
  ['passRecord', PASS_RECORD],
  ['event', EVENT],
  ['person', PERSON],
];

/** The document's 备注 (remark) column, where it says something. */
const REMARKS: ReadonlyMap<number, string> = new Map([
  [106002, '会显示具体参数错误内容'],
  [106003, '会指明具体不存在的记录标志'],
  [106005, '已经废弃'],
]);

/** One printed row of the document's tables. */
interface HongtuErrorRow {
  readonly code: number;
  readonly module: HongtuModule;
  /** The document's 描述, verbatim (`%s` where the server fills in a value). */
  readonly documentText: string;
  /** The document's 备注, when it has one (106005: 已经废弃, deprecated). */
  readonly remark: string | undefined;
  readonly advice: LocalizedText;
}

/** All 139 rows of the tables, in document order, duplicates included (103011 and 103012 twice). */
export const HONGTU_ERROR_ROWS: readonly HongtuErrorRow[] = TABLES.flatMap(([module, rows]) =>
  rows.map(([code, documentText, en, zh]): HongtuErrorRow => ({ code, module, documentText, remark: REMARKS.get(code), advice: { en, 'zh-CN': zh } })),
);

interface HongtuCodeInfo {
  readonly code: number;
  readonly module: HongtuModule;
  /** The document's text (the first, for a code printed with several). */
  readonly documentText: string;
  /** Every distinct text the document gives the code, in order: two for 103011, one otherwise. */
  readonly documentTexts: readonly string[];
  readonly remark: string | undefined;
  /** The advice; for a code with several texts, each text's advice, introduced by the text. */
  readonly advice: LocalizedText;
  /** The rows behind this code, one per distinct text. */
  readonly variants: readonly HongtuErrorRow[];
}

function infoOf(rows: readonly HongtuErrorRow[]): HongtuCodeInfo {
  const variants = rows.filter((row, i) => rows.findIndex((r) => r.documentText === row.documentText) === i);
  const [first] = variants;
  if (!first) throw new Error('no rows');
  const advice: LocalizedText =
    variants.length === 1
      ? first.advice
      : {
          en: `The document gives code ${first.code} ${variants.length} meanings; the message tells which. ${variants.map((v) => `“${v.documentText}”: ${v.advice.en}`).join(' ')}`,
          'zh-CN': `文档中错误码 ${first.code} 有 ${variants.length} 种含义，以提示信息为准。${variants.map((v) => `“${v.documentText}”：${v.advice['zh-CN']}`).join('')}`,
        };
  return { code: first.code, module: first.module, documentText: first.documentText, documentTexts: variants.map((v) => v.documentText), remark: first.remark, advice, variants };
}

function groupByCode(rows: readonly HongtuErrorRow[]): Map<number, HongtuErrorRow[]> {
  const groups = new Map<number, HongtuErrorRow[]>();
  for (const row of rows) {
    const group = groups.get(row.code);
    if (group) group.push(row);
    else groups.set(row.code, [row]);
  }
  return groups;
}

/** Code → what the document says and what to do: 137 distinct codes. */
export const HONGTU_ERROR_CODES: ReadonlyMap<number, HongtuCodeInfo> = new Map(
  [...groupByCode(HONGTU_ERROR_ROWS)].map(([code, rows]) => [code, infoOf(rows)]),
);

/** `code` 0 is success (公共错误码 0 成功). */
export function isHongtuSuccess(code: number): boolean {
  return code === 0;
}

/** `100008 签名错误`: keys, clock or body (see {@link HONGTU_CREDENTIALS_ADVICE}). */
function isSignatureCode(code: number): boolean {
  return code === 100008;
}

const FACE_QUALITY_CODES: ReadonlySet<number> = new Set([121031, 121032, 121033, 121034, 121043]);

/**
 * Codes that mean the photo must be captured again: 121031 人脸过多, 121032/121033 未检测到人脸,
 * 121034 人脸质量过低, 121043 图片质量不合格，可能是由于人脸过多.
 */
export function isFaceQualityCode(code: number): boolean {
  return FACE_QUALITY_CODES.has(code);
}

function matches(documentText: string, message: string): boolean {
  const escaped = documentText.split('%s').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's').test(message.trim()) || message.includes(documentText.replace(/%s/g, ''));
}

/**
 * The advice for a code. For a code the document prints with several texts (103011), the reply's
 * `msg` picks the text that applies; without a match, every meaning's advice is given.
 */
export function hongtuAdvice(code: number, message?: string | null): LocalizedText | undefined {
  const info = HONGTU_ERROR_CODES.get(code);
  if (!info) return undefined;
  if (info.variants.length > 1 && message) {
    const variant = info.variants.find((v) => matches(v.documentText, message));
    if (variant) return variant.advice;
  }
  return info.advice;
}

/** The tables as the shared failure skeleton reads them (vendor-failure.ts); 100008 is the signature. */
const FAILURE_CODES: FailureCodes = {
  vendor: 'hongtu',
  product: 'Hongtu',
  documentText: (code) => HONGTU_ERROR_CODES.get(code)?.documentText,
  advice: (code, message) => (isSignatureCode(code) ? HONGTU_CREDENTIALS_ADVICE : hongtuAdvice(code, message)),
  unknownAdvice: (code, text) => ({ en: `Hongtu answered code ${code}: ${text}.`, 'zh-CN': `鸿图返回错误码 ${code}：${text}。` }),
  errorCode: (code) => (isSignatureCode(code) ? 'bad_credentials' : 'vendor_error'),
};

/**
 * The typed error for a failure envelope (`code` ≠ 0): `bad_credentials` for 100008 (signature),
 * `vendor_error` otherwise, with the vendor code, advice, and the server's `msg` in details.
 */
export function hongtuFailure(code: number, message: string | null | undefined, endpoint: string, status?: number): DriverError {
  return vendorFailure(FAILURE_CODES, code, message, endpoint, status);
}
