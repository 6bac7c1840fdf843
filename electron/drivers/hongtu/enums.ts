/**
 * The Hongtu enumerations Doorman shows and filters by (hongtu.md §8), each code with the document's
 * Chinese label and an English one. Codes the document does not list can still arrive: look them up,
 * never assume they exist.
 */

/** A code's Chinese label, as the document prints it, and an English one. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** `deviceType` (§8.1). `device.add` takes 1/3/4, `device.importDevice` only 2. */
export const deviceTypes = {
  1: { zh: '智能摄像头', en: 'smart camera' },
  2: { zh: '智能面板机', en: 'smart face panel' },
  3: { zh: '智能服务器', en: 'smart (compute) server' },
  4: { zh: '网络摄像机', en: 'network camera (IPC)' },
} as const satisfies Record<number, Label>;

/** Device `status` / `deviceStatus` (§8.1); "客户无需关注" all but 3 and 4. */
export const deviceStatuses = {
  0: { zh: '未激活', en: 'not activated' },
  1: { zh: '在线未绑定', en: 'online, unbound' },
  2: { zh: '离线未绑定', en: 'offline, unbound' },
  3: { zh: '在线', en: 'online' },
  4: { zh: '离线', en: 'offline' },
  5: { zh: '解绑中', en: 'unbinding' },
} as const satisfies Record<number, Label>;

/** `verificationMode` (§8.3); the door configuration allows 0–3 only. */
export const verificationModes = {
  0: { zh: '人脸', en: 'face' },
  1: { zh: '人脸或刷卡', en: 'face or card' },
  2: { zh: '人脸及刷卡', en: 'face and card' },
  3: { zh: '人脸及密码', en: 'face and password' },
  4: { zh: '远程开门', en: 'remote open' },
  5: { zh: '二维码', en: 'QR code' },
} as const satisfies Record<number, Label>;

/** `passType` (§8.3). */
export const passTypes = {
  0: { zh: '未通行', en: 'not passed' },
  1: { zh: '通行', en: 'passed' },
  2: { zh: '复合认证未通过', en: 'multi-factor authentication failed' },
} as const satisfies Record<number, Label>;

/** `recognitionType` (§8.3); the passRecord.list filter calls 2 "普通访客" (erratum E16). */
export const recognitionTypes = {
  1: { zh: '员工', en: 'employee' },
  2: { zh: '访客', en: 'visitor' },
  3: { zh: '重点人员（黑名单）', en: 'key person (blacklist)' },
  4: { zh: '陌生人', en: 'stranger' },
  5: { zh: '未识别', en: 'unrecognised' },
  6: { zh: 'VIP访客', en: 'VIP visitor' },
} as const satisfies Record<number, Label>;

/**
 * Person `type` / `personType` (§8.3). door.syncDetail writes "4 重点人员" and door.queryFeatureFailList
 * "3黑名单, 4 重点人员" (erratum E15): send 3; read 4 as a key person too.
 */
export const personTypes = {
  1: { zh: '员工', en: 'employee' },
  2: { zh: '访客', en: 'visitor' },
  3: { zh: '重点人员', en: 'key person' },
} as const satisfies Record<number, Label>;

/** `deviceModel` codes (§8.2), one global table; the endpoints print four subsets of it. */
export const deviceModels = {
  1: { zh: 'MegEye-W5K-I8', en: 'MegEye-W5K-I8' },
  2: { zh: 'MegEye-W4K-E7', en: 'MegEye-W4K-E7' },
  3: { zh: 'MegEye-W4K-I51', en: 'MegEye-W4K-I51' },
  4: { zh: 'MegEye-C3S-123', en: 'MegEye-C3S-123' },
  5: { zh: 'MegEye-C4H-141', en: 'MegEye-C4H-141' },
  6: { zh: 'MegEye-C4H-241', en: 'MegEye-C4H-241' },
  7: { zh: 'MegEye-C4N-888', en: 'MegEye-C4N-888' },
  8: { zh: 'MegEye-C4S-222', en: 'MegEye-C4S-222' },
  9: { zh: 'MegEye-C4S-322', en: 'MegEye-C4S-322' },
  10: { zh: 'MegEye-C4R-122', en: 'MegEye-C4R-122' },
  11: { zh: 'MegEye-C4R-222', en: 'MegEye-C4R-222' },
  12: { zh: 'MegEye-C4R-322', en: 'MegEye-C4R-322' },
  21: { zh: 'IPC', en: 'IPC' },
  22: { zh: 'MegBox-B3R-412', en: 'MegBox-B3R-412' },
  23: { zh: 'MegBox-B3R-1012', en: 'MegBox-B3R-1012' },
  29: { zh: '海康摄', en: 'Hikvision camera' },
  31: { zh: '宇视摄像头', en: 'Uniview camera' },
  32: { zh: '科达摄像头', en: 'Kedacom camera' },
  33: { zh: '华为摄像头', en: 'Huawei camera' },
  34: { zh: 'MegEye-W4K-I52', en: 'MegEye-W4K-I52' },
  35: { zh: 'MegEye-W3K-45S', en: 'MegEye-W3K-45S' },
  36: { zh: 'MegEye-W4K-I31', en: 'MegEye-W4K-I31' },
  37: { zh: 'MegBox-B3R-1012(H1)', en: 'MegBox-B3R-1012(H1)' },
  39: { zh: 'MegCube-B4H16-311', en: 'MegCube-B4H16-311' },
  40: { zh: 'MegEye-W5K-EA', en: 'MegEye-W5K-EA' },
  41: { zh: 'MegEye-W5K-EA-D', en: 'MegEye-W5K-EA-D' },
  42: { zh: 'MegEye-W5K-EA-T', en: 'MegEye-W5K-EA-T' },
  43: { zh: 'MegEye-W5K-EA-DT', en: 'MegEye-W5K-EA-DT' },
} as const satisfies Record<number, Label>;

const LIST_A = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 21, 29, 31, 32, 33, 34, 36, 40, 41, 42, 43] as const;

/**
 * The four subsets the document prints (§8.2): A in the push, alarms, attendance devices and the
 * door.list filter; B (A + the servers 22/23/37/39) in device.add, queryDeviceInfo and pass records;
 * C (A + 7 and 35) in the door.list reply; D, the panels, in device.importDevice.
 */
export const deviceModelLists = {
  A: LIST_A,
  B: [...LIST_A, 22, 23, 37, 39].sort((a, b) => a - b),
  C: [...LIST_A, 7, 35].sort((a, b) => a - b),
  D: [1, 2, 3, 34, 36, 40, 41, 42, 43],
} as const satisfies Record<string, readonly number[]>;
