/**
 * The error codes of the document's appendix 3.1, messages verbatim (zkbio.md §7), and the one
 * exception type the handlers throw to answer with one of them.
 */
export const MESSAGES: Readonly<Record<number, string>> = {
  [-1]: 'Program error',
  [-10]: 'The department number or name cannot be empty',
  [-12]: 'The department name has already existed',
  [-13]: 'The department number does not exist',
  [-14]: 'Cannot be set as parent department',
  [-15]: 'Cannot delete department',
  [-20]: 'Pin number cannot be empty',
  [-22]: 'The person does not exist',
  [-23]: 'The card number has been used',
  [-24]: 'The level group does not exist',
  [-25]: 'No person under the access level',
  [-26]: 'The password has been used',
  [-27]: 'Invalid personnel photo',
  [-29]: 'PIN exception',
  [-31]: 'The personnel fingerprint already existed!',
  [-32]: 'Input wrong validtype!',
  [-33]: 'Fingerprint template index range is from 0-9!',
  [-34]: 'Template ID not existed!',
  [-40]: 'Authorize access failure',
  [-41]: 'Delete access level failure',
  [-42]: 'Personnel ID or access level id is null',
  [-43]: "Access level id can't be null",
  [-44]: "Door id can't be null",
  [-45]: 'Door open duration between 1~254 seconds.',
  [-46]: "Door name can't be null",
  [-47]: "Door doesn't exist",
  [-48]: "Device serial number can't be null",
  [-70]: "Advertisement doesn't exist",
  [-71]: "Didn't support this format",
  [-80]: "Area didn't exist",
  [-81]: 'Pins not allowed to be null',
  [-82]: 'Pins length not allowed over 500',
  [-83]: "Area ID can't be null",
  [-90]: 'PageNo or pageSize cannot be set less than or equal to 0',
  [-91]: 'PageSize is greater than 1000',
  [-92]: 'PageSize and pageNo cannot be empty',
  [-100]: 'Time format error',
  [-101]: 'Start time cannot be greater than end time',
  [-102]: 'Device does not exist',
  [-103]: 'Device is offline or disabled',
  [-104]: 'Device does not support this feature',
  [-105]: 'Synchronization failed',
  [-200]: 'SN is required',
  [-201]: 'Floor Id is required',
  [-202]: 'The door opening time is required',
  [-203]: 'The door opening time needs to be greater than 0',
  [-220]: 'Operation type error',
  [-221]: 'Black and white list type error',
  [-222]: 'Time parameter error',
  [-223]: 'Car license plate is incorrect',
  [-240]: 'Host(visitor) pin cannot be empty',
  [-241]: 'Visitor certificate type cannot be empty',
  [-242]: 'Visitor certificate number cannot be empty',
  [-243]: 'Visitor name cannot be empty',
  [-244]: 'You have made a reservation',
  [-245]: 'No need to make a reservation during the visit',
  [-246]: 'Visit reason cannot be empty',
  [-247]: 'Visit date cannot be empty',
  [-248]: 'No eligible visitor reservation information',
  [-249]: 'Date format error',
  [-250]: 'Invalid certificate type',
  [-251]: 'Please fill in the correct national ID number',
  [-252]: 'Please fill in the correct date',
  [-253]: 'The employee does not exist',
  [-254]: 'User in the block list',
  [-255]: 'Registration has been completed. Please do not register again',
  [-256]: 'Visitor unregistered, cannot be sign-out',
  [-257]: "Visitor information doesn't exist",
  [-258]: 'Visitor Number Count Must bigger than 0',
  [-259]: 'The operation object is not selected',
  [-260]: "The visited department info doesn't exist",
  [-261]: 'Contains special characters',
  [-262]: 'The photo is not qualified.',
  [-263]: 'Reader ID cannot empty',
  [-264]: 'Did not exist this reader',
  [-265]: 'The Open Gate Type cannot empty',
  [-266]: 'Open Gate Type incorrect',
  [-5001]: 'Picture resolution is below 80000 pixels',
  [-5002]: 'No face was detected',
  [-5003]: 'Multiple human faces were detected',
  [-5005]: 'The face ratio is too small',
  [-5006]: 'Pictures are non-color images',
  [-5007]: 'The picture is vague',
  [-5008]: 'The picture is vague',
  [-5009]: 'The picture was exposed seriously',
  [-5010]: 'The picture brightness is too dark',
  [-5011]: 'The picture is high noise',
  [-5012]: 'Face stretching too much',
  [-5013]: 'The face is blocked',
  [-5014]: 'Smile too much',
  [-5015]: 'The face deflection Angle is too large',
  [-5016]: 'The picture is vague',
  [-5017]: 'Image brightness critical',
  [-5018]: 'Face deflection angle is critical',
};

export const PROGRAM_ERROR = -1;

/** Every code the appendix lists; the catalog test accepts any of these as a "documented" answer. */
export const DOCUMENTED_CODES: ReadonlySet<number> = new Set(Object.keys(MESSAGES).map(Number));

export function messageFor(code: number): string {
  return MESSAGES[code] ?? MESSAGES[PROGRAM_ERROR] ?? 'Program error';
}

/** Thrown by a handler to answer with an appendix code (in the endpoint's own envelope). */
export class ApiFailure extends Error {
  readonly code: number;

  constructor(code: number) {
    super(messageFor(code));
    this.name = 'ApiFailure';
    this.code = code;
  }
}

/**
 * The appendix code for a missing required parameter, by the parameter's name. The document does
 * not map codes to endpoints; these are the codes whose text names the parameter. Anything else
 * is -1 "Program error" (what a null reaching the service would produce).
 */
const MISSING: Readonly<Record<string, number>> = {
  pin: -20,
  personPin: -20,
  personId: -20,
  doorId: -44,
  doorName: -46,
  sn: -48,
  deviceSn: -48,
  devSn: -48,
  levelId: -43,
  levelIds: -43,
  interval: -202,
  floorId: -201,
  pins: -81,
  persPersonPin: -240,
  certType: -241,
  certNum: -242,
  certNumber: -242,
  visEmpName: -243,
  visitEmpName: -243,
  visitReason: -246,
  visitDate: -247,
  openType: -265,
};

export function missingParameterCode(name: string, group: 'department' | 'area' | 'reader' | 'other'): number {
  if (name === 'code' && group === 'department') return -10;
  if (name === 'name' && group === 'department') return -10;
  if (name === 'code' && group === 'area') return -83;
  if (name === 'id' && group === 'reader') return -263;
  return MISSING[name] ?? PROGRAM_ERROR;
}
