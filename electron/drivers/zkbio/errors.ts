import type { DriverError, LocalizedText } from '../driver-error.ts';
import { vendorFailure, type FailureCodes } from '../vendor-failure.ts';

/**
 * Every code of the document's appendix (3.1; zkbio.md §7), with the document's own text and advice
 * in both languages that says what to do. `code < 0` in the envelope is a failure (§1.2).
 */
type Row = readonly [code: number, documentText: string, en: string, zh: string];

const ROWS: readonly Row[] = [
  [-1, 'Program error', 'ZKBio reported an internal error. Check the request values; if they are right, look at the ZKBio server log.', 'ZKBio 报告程序错误。请检查请求参数；若无误，请查看 ZKBio 服务器日志。'],
  [-10, 'The department number or name cannot be empty', 'Enter both a department number and a name.', '请填写部门编号和部门名称。'],
  [-12, 'The department name has already existed', 'A department with this name already exists in ZKBio. Use it, or choose another name.', 'ZKBio 中已有同名部门。请直接使用或换一个名称。'],
  [-13, 'The department number does not exist', 'The department number is not in ZKBio. Create the department first, or pick one from the list.', 'ZKBio 中没有该部门编号。请先创建部门，或从列表中选择。'],
  [-14, 'Cannot be set as parent department', 'That department cannot be the parent (it would create a loop). Choose another parent.', '不能设为上级部门（会形成循环）。请选择其他上级部门。'],
  [-15, 'Cannot delete department', 'The department still has people or sub-departments. Move them first.', '该部门下仍有人员或下级部门，请先移走。'],
  [-20, 'Pin number cannot be empty', 'Enter the personnel number (pin).', '请填写人员编号（工号）。'],
  [-22, 'The person does not exist', 'No person with this personnel number in ZKBio. Enroll the person first.', 'ZKBio 中没有该人员编号的人员。请先登记该人员。'],
  [-23, 'The card number has been used', 'This card number belongs to another person. Check the card, or remove it from the other person.', '该卡号已被其他人员使用。请核对卡号，或先从其他人员处解绑。'],
  [-24, 'The level group does not exist', 'The access level does not exist in ZKBio. Refresh the inventory and choose an existing level.', 'ZKBio 中不存在该门禁权限组。请刷新清单并选择已有的权限组。'],
  [-25, 'No person under the access level', 'Nobody holds this access level, so there is nothing to synchronise.', '该权限组下没有人员，无需同步。'],
  [-26, 'The password has been used', 'This device password is used by another person. Choose another.', '该设备密码已被他人使用，请更换。'],
  [-27, 'Invalid personnel photo', 'ZKBio rejected the photo. Capture a new one (JPEG, one face, well lit).', 'ZKBio 拒绝了该照片。请重新采集（JPEG、单人脸、光线充足）。'],
  [-29, 'PIN exception', 'The personnel number has a format ZKBio does not accept. Use letters and digits only.', '人员编号格式不被 ZKBio 接受。请只使用字母和数字。'],
  [-31, 'The personnel fingerprint already existed!', 'This fingerprint is already enrolled for the person.', '该人员的此枚指纹已存在。'],
  [-32, 'Input wrong validtype!', 'The template validity type is wrong (1 common, 3 duress).', '模板有效类型错误（1 普通，3 胁迫）。'],
  [-33, 'Fingerprint template index range is from 0-9!', 'The finger index must be 0–9.', '手指编号须为 0–9。'],
  [-34, 'Template ID not existed!', 'That biometric template does not exist.', '该生物模板不存在。'],
  [-40, 'Authorize access failure', 'ZKBio could not grant the access level. Check the level and the person, then try again.', 'ZKBio 授权失败。请检查权限组和人员后重试。'],
  [-41, 'Delete access level failure', 'ZKBio could not remove the access level. Try again; check the ZKBio log if it repeats.', 'ZKBio 删除权限失败。请重试；反复出现请查看 ZKBio 日志。'],
  [-42, 'Personnel ID or access level id is null', 'Give both the personnel number and the access level.', '请同时提供人员编号和权限组。'],
  [-43, "Access level id can't be null", 'Choose an access level.', '请选择门禁权限组。'],
  [-44, "Door id can't be null", 'Choose a door.', '请选择门。'],
  [-45, 'Door open duration between 1~254 seconds.', 'The open time must be 1–254 seconds.', '开门时长须为 1–254 秒。'],
  [-46, "Door name can't be null", 'Give the door name.', '请填写门名称。'],
  [-47, "Door doesn't exist", 'The door does not exist in ZKBio. Refresh the inventory.', 'ZKBio 中不存在该门。请刷新清单。'],
  [-48, "Device serial number can't be null", 'Give the device serial number.', '请填写设备序列号。'],
  [-70, "Advertisement doesn't exist", 'That advertisement media does not exist.', '该广告媒体不存在。'],
  [-71, "Didn't support this format", 'ZKBio does not support this file format.', 'ZKBio 不支持该文件格式。'],
  [-80, "Area didn't exist", 'The area does not exist in ZKBio. Refresh the inventory.', 'ZKBio 中不存在该区域。请刷新清单。'],
  [-81, 'Pins not allowed to be null', 'Give at least one personnel number.', '请至少提供一个人员编号。'],
  [-82, 'Pins length not allowed over 500', 'At most 500 personnel numbers per request; Doorman splits larger batches.', '每次最多 500 个人员编号；Doorman 会自动分批。'],
  [-83, "Area ID can't be null", 'Choose an area.', '请选择区域。'],
  [-90, 'PageNo or pageSize cannot be set less than or equal to 0', 'Page number and size must be above 0.', '页码和每页条数须大于 0。'],
  [-91, 'PageSize is greater than 1000', 'At most 1000 records per page.', '每页最多 1000 条。'],
  [-92, 'PageSize and pageNo cannot be empty', 'Page number and size are required.', '页码和每页条数为必填。'],
  [-100, 'Time format error', 'Times must be written yyyy-MM-dd HH:mm:ss.', '时间格式须为 yyyy-MM-dd HH:mm:ss。'],
  [-101, 'Start time cannot be greater than end time', 'The start time is after the end time. Swap or correct them.', '开始时间晚于结束时间，请更正。'],
  [-102, 'Device does not exist', 'The device does not exist in ZKBio. Refresh the inventory.', 'ZKBio 中不存在该设备。请刷新清单。'],
  [-103, 'Device is offline or disabled', 'The device is offline or disabled. Check its power and network, and that it is enabled in ZKBio.', '设备离线或已禁用。请检查设备电源和网络，并确认在 ZKBio 中已启用。'],
  [-104, 'Device does not support this feature', 'This device does not support the operation.', '该设备不支持此功能。'],
  [-105, 'Synchronization failed', 'ZKBio could not synchronise to the device. Check the device is online, then sync again.', 'ZKBio 同步到设备失败。请确认设备在线后重新同步。'],
  [-200, 'SN is required', 'Give the device serial number.', '请填写设备序列号。'],
  [-201, 'Floor Id is required', 'Choose a floor.', '请选择楼层。'],
  [-202, 'The door opening time is required', 'Give the open time in seconds.', '请填写开门时长（秒）。'],
  [-203, 'The door opening time needs to be greater than 0', 'The open time must be above 0 seconds.', '开门时长须大于 0 秒。'],
  [-220, 'Operation type error', 'The operation type is not valid.', '操作类型错误。'],
  [-221, 'Black and white list type error', 'List type must be 0 (white) or 1 (black).', '名单类型须为 0（白名单）或 1（黑名单）。'],
  [-222, 'Time parameter error', 'A time value is not valid.', '时间参数错误。'],
  [-223, 'Car license plate is incorrect', 'The licence plate is not valid.', '车牌号不正确。'],
  [-240, 'Host(visitor) pin cannot be empty', 'Give the host’s personnel number.', '请填写被访人人员编号。'],
  [-241, 'Visitor certificate type cannot be empty', 'Choose the visitor’s certificate type.', '请选择访客证件类型。'],
  [-242, 'Visitor certificate number cannot be empty', 'Give the visitor’s certificate number.', '请填写访客证件号码。'],
  [-243, 'Visitor name cannot be empty', 'Give the visitor’s name.', '请填写访客姓名。'],
  [-244, 'You have made a reservation', 'This visitor already has a reservation for that day in ZKBio. Keep it, or cancel it there and book again.', '该访客当天在 ZKBio 中已有预约。请保留该预约，或在 ZKBio 中取消后重新预约。'],
  [-245, 'No need to make a reservation during the visit', 'The visitor is on site now (checked in): no reservation is needed. Check them out first, or keep the visit.', '访客正在来访中（已登记），无需预约。请先签离，或保留本次来访。'],
  [-246, 'Visit reason cannot be empty', 'Give the reason for the visit.', '请填写来访事由。'],
  [-247, 'Visit date cannot be empty', 'Give the visit date.', '请填写来访日期。'],
  [-248, 'No eligible visitor reservation information', 'ZKBio has no reservation for this visitor on that day (it may have been used or cancelled in ZKBio already). Nothing is left to cancel.', 'ZKBio 中没有该访客当天的预约（可能已在 ZKBio 中使用或取消）。无需再取消。'],
  [-249, 'Date format error', 'Dates must be written yyyy-MM-dd.', '日期格式须为 yyyy-MM-dd。'],
  [-250, 'Invalid certificate type', 'The certificate type is not valid.', '证件类型无效。'],
  [-251, 'Please fill in the correct national ID number', 'The national ID number is not valid. Check it digit by digit.', '身份证号码不正确，请逐位核对。'],
  [-252, 'Please fill in the correct date', 'The date is not valid.', '日期不正确。'],
  [-253, 'The employee does not exist', 'The host employee does not exist in ZKBio.', 'ZKBio 中不存在该员工。'],
  [-254, 'User in the block list', 'This person is on the block list.', '该人员在黑名单中。'],
  [-255, 'Registration has been completed. Please do not register again', 'The visitor is already registered.', '该访客已登记，请勿重复登记。'],
  [-256, 'Visitor unregistered, cannot be sign-out', 'The visitor was never registered, so cannot sign out.', '访客未登记，无法签离。'],
  [-257, "Visitor information doesn't exist", 'No such visitor.', '访客信息不存在。'],
  [-258, 'Visitor Number Count Must bigger than 0', 'The number of visitors must be above 0.', '来访人数须大于 0。'],
  [-259, 'The operation object is not selected', 'Nothing was selected to act on.', '未选择操作对象。'],
  [-260, "The visited department info doesn't exist", 'The visited department does not exist.', '被访部门不存在。'],
  [-261, 'Contains special characters', 'Remove special characters from the value.', '请去掉其中的特殊字符。'],
  [-262, 'The photo is not qualified.', 'ZKBio rejected the photo. Capture a new one.', 'ZKBio 认为照片不合格。请重新采集。'],
  [-263, 'Reader ID cannot empty', 'Choose a reader.', '请选择读头。'],
  [-264, 'Did not exist this reader', 'The reader does not exist in ZKBio. Refresh the inventory.', 'ZKBio 中不存在该读头。请刷新清单。'],
  [-265, 'The Open Gate Type cannot empty', 'Choose how the gate opens.', '请选择开闸方式。'],
  [-266, 'Open Gate Type incorrect', 'The gate open type is not valid.', '开闸方式不正确。'],
  [-5001, 'Picture resolution is below 80000 pixels', 'The photo is too small (below 80,000 pixels, e.g. under 283×283). Capture closer or at a higher resolution.', '照片分辨率过低（低于 8 万像素，约 283×283 以下）。请靠近些或提高分辨率重新采集。'],
  [-5002, 'No face was detected', 'No face was found in the photo. Face the camera and capture again.', '照片中未检测到人脸。请正对摄像头重新采集。'],
  [-5003, 'Multiple human faces were detected', 'More than one face is in the photo. Only the person being enrolled may be in view.', '照片中有多张人脸。采集时画面中只能有被登记人。'],
  [-5005, 'The face ratio is too small', 'The face is too small in the picture. Move closer to the camera.', '人脸在画面中占比太小。请靠近摄像头。'],
  [-5006, 'Pictures are non-color images', 'The photo is not in colour. Use a colour camera.', '照片不是彩色图像。请使用彩色摄像头。'],
  [-5007, 'The picture is vague', 'The photo is blurred. Hold still and capture again.', '照片模糊。请保持不动后重新采集。'],
  [-5008, 'The picture is vague', 'The photo is blurred. Hold still and capture again.', '照片模糊。请保持不动后重新采集。'],
  [-5009, 'The picture was exposed seriously', 'The photo is over-exposed. Reduce back light or lighting, then capture again.', '照片严重过曝。请减弱逆光或光照后重新采集。'],
  [-5010, 'The picture brightness is too dark', 'The photo is too dark. Add light in front of the face.', '照片太暗。请在人脸前方补光。'],
  [-5011, 'The picture is high noise', 'The photo is noisy (too little light). Add light and capture again.', '照片噪点过多（光线不足）。请补光后重新采集。'],
  [-5012, 'Face stretching too much', 'The face is distorted. Face the camera straight, not at the edge of the picture.', '人脸变形过大。请正对摄像头，不要处于画面边缘。'],
  [-5013, 'The face is blocked', 'Part of the face is covered (mask, hat, hand, glasses glare). Uncover it.', '人脸有遮挡（口罩、帽子、手、眼镜反光）。请去除遮挡。'],
  [-5014, 'Smile too much', 'Keep a neutral expression.', '请保持自然表情，不要大笑。'],
  [-5015, 'The face deflection Angle is too large', 'The head is turned too far. Look straight at the camera.', '头部偏转角度过大。请正视摄像头。'],
  [-5016, 'The picture is vague', 'The photo is blurred. Hold still and capture again.', '照片模糊。请保持不动后重新采集。'],
  [-5017, 'Image brightness critical', 'The brightness is borderline. Even out the light on the face.', '亮度处于临界值。请让面部光线更均匀。'],
  [-5018, 'Face deflection angle is critical', 'The head is turned close to the limit. Look straight at the camera.', '头部偏转接近上限。请正视摄像头。'],
];

interface ZkbioCodeInfo {
  readonly code: number;
  readonly documentText: string;
  readonly advice: LocalizedText;
}

export const ZKBIO_ERROR_CODES: ReadonlyMap<number, ZkbioCodeInfo> = new Map(
  ROWS.map(([code, documentText, en, zh]) => [code, { code, documentText, advice: { en, 'zh-CN': zh } }]),
);

/** Codes that mean the photo should be captured again (face quality, §7 −5001…−5018, −27, −262). */
export function isFaceQualityCode(code: number): boolean {
  return code === -27 || code === -262 || (code <= -5001 && code >= -5018);
}

/** How to get a token, for "bad token" verdicts (document §1.1 "Authorize API Level"). */
export const ZKBIO_CREDENTIALS_ADVICE = {
  en: 'ZKBio refused the access token. In the ZKBio CVSecurity web page, activate the API license, open the API Authorization menu, add an API client, and copy its token here.',
  'zh-CN': 'ZKBio 拒绝了访问令牌。请在 ZKBio CVSecurity 网页中激活 API 许可，打开“API 授权”菜单，添加 API 客户端，并把其令牌复制到这里。',
} as const;

/** The appendix as the shared failure skeleton reads it (vendor-failure.ts). */
const FAILURE_CODES: FailureCodes = {
  vendor: 'zkbio',
  product: 'ZKBio',
  documentText: (code) => ZKBIO_ERROR_CODES.get(code)?.documentText,
  advice: (code) => ZKBIO_ERROR_CODES.get(code)?.advice,
  unknownAdvice: (code, text) => ({ en: `ZKBio answered code ${code}: ${text}.`, 'zh-CN': `ZKBio 返回代码 ${code}：${text}。` }),
};

/** The typed error for a failure envelope (`code < 0`). */
export function zkbioFailure(code: number, message: string | null | undefined, endpoint: string, status?: number): DriverError {
  return vendorFailure(FAILURE_CODES, code, message, endpoint, status);
}
