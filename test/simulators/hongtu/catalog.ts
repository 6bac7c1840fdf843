/**
 * Every endpoint of the 鸿图2000 V1.0.1 OpenAPI (seed 001, 80 `Path：` sections), generated once
 * from ../shared/specs/hongtu.endpoints.json so the simulator and its tests never read outside the
 * repository. The simulator's own table: it knows nothing of the driver's.
 *
 * Row: [id, method, path, body, reply, request fields, reply fields].
 * - body: `json` a JSON object (application/json), `form` multipart/form-data, `none` (the GET).
 * - reply: the shape of the envelope's `data` — object, array, page ({pageNum, pageSize, total,
 *   list}) or string.
 * - request fields: `loc:name:kind` with loc b(ody) q(uery) f(orm) p(ath); a trailing `!` the
 *   document says 必须, `?` it says nothing, none 非必须. Nested fields are paths (`personList[].name`,
 *   `holiday[].during[].from`); a nested `!` means required when its parent is present.
 * - reply fields: `name:kind`, `=v` the first value of the field's enumeration.
 * - kinds: s string, i integer, n number, b boolean, o object, S string[], I integer[], O object[], f file.
 */
export type Method = 'GET' | 'POST';
export type BodyKind = 'json' | 'form' | 'none';
export type ReplyShape = 'object' | 'array' | 'page' | 'string';
export type FieldLocation = 'body' | 'query' | 'form' | 'path';
export type Requirement = 'required' | 'optional' | 'unstated';
export type ValueKind = 's' | 'i' | 'n' | 'b' | 'o' | 'S' | 'I' | 'O' | 'f';

export interface CatalogField {
  readonly name: string;
  readonly in: FieldLocation;
  readonly kind: ValueKind;
  readonly requirement: Requirement;
}

export interface ReplyField {
  readonly name: string;
  readonly kind: ValueKind;
  /** The first value of the documented enumeration, for sample replies. */
  readonly enumFirst?: number;
}

export interface CatalogEntry {
  readonly id: string;
  readonly method: Method;
  readonly path: string;
  readonly body: BodyKind;
  readonly reply: ReplyShape;
  readonly fields: readonly CatalogField[];
  readonly replyFields: readonly ReplyField[];
}

type Row = readonly [string, Method, string, BodyKind, ReplyShape, string, string];

const ROWS: readonly Row[] = [
  ['deviceAlarm.list', 'POST', '/v1/api/device_alarm/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:deviceUuids:S b:deviceName:s b:alarmStatus:i b:alarmType:i b:startAlarmTime:s b:endAlarmTime:s', 'pageNum:i pageSize:i total:i list:O list[].deviceUuid:s list[].deviceName:s list[].deviceLocation:s list[].deviceType:i=1 list[].deviceModel:i=1 list[].deviceStatus:i=0 list[].alarmStatus:i=0 list[].alarmType:i=500000 list[].alarmTime:s list[].gmtCreate:s list[].gmtModified:s list[].alarmStatusNow:i=0'],
  ['person.uploadImage', 'POST', '/v1/api/person/uploadImage', 'form', 'object', 'f:file:f!', 'uri:s'],
  ['person.update', 'POST', '/v1/api/person/update', 'json', 'string', 'b:uuid:s! b:name:s b:sex:i b:imageUri:s b:code:s b:identifyNum:s b:uniqueIdentify:s b:visitFirm:s b:visitStartTimeStamp:i b:visitEndTimeStamp:i b:visitReason:s b:visitedUuid:s b:visitType:i b:email:s b:phone:s b:cardNum:s b:password:s b:entryTimeStamp:i b:postion:s b:birthdayStamp:i b:ext:s b:groupList:S', ''],
  ['person.batchDelete', 'POST', '/v1/api/person/batchDelete', 'json', 'object', 'b:uuidList:S!', 'successes:O successes[].uuid:s successes[].code:i successes[].msg:s failures:O failures[].uuid:s failures[].code:i failures[].msg:s'],
  ['person.batchAdd', 'POST', '/v1/api/person/batchAdd', 'json', 'object', 'b:personList:O! b:personList[].name:s! b:personList[].type:i! b:personList[].sex:i b:personList[].uuid:s b:personList[].imageUri:s b:personList[].code:s b:personList[].identifyNum:s b:personList[].uniqueIdentify:s b:personList[].visitFirm:s b:personList[].visitStartTimeStamp:i b:personList[].visitEndTimeStamp:i b:personList[].visitReason:s b:personList[].visitedUuid:s b:personList[].visitType:i b:personList[].email:s b:personList[].phone:s b:personList[].cardNum:s b:personList[].password:s b:personList[].entryTimeStamp:i b:personList[].postion:s b:personList[].birthdayStamp:i b:personList[].ext:s b:personList[].groupList:S', 'successes:O successes[].name:s successes[].code:i successes[].type:i=1 successes[].msg:s successes[].sex:i=0 successes[].uuid:s successes[].imageUri:s successes[].staffCode:s successes[].identifyNum:s successes[].visitStartTimeStamp:i successes[].visitEndTimeStamp:i successes[].visitReason:s successes[].visitedUuid:s successes[].visitType:i=1 successes[].email:s successes[].phone:s successes[].cardNum:s successes[].password:s successes[].entryTimeStamp:i successes[].postion:s successes[].birthdayStamp:i successes[].ext:s successes[].groupList:S failures:O failures[].name:s failures[].code:i failures[].type:i=1 failures[].msg:s failures[].sex:i=0 failures[].uuid:s failures[].imageUri:s failures[].staffCode:s failures[].identifyNum:s failures[].visitStartTimeStamp:i failures[].visitEndTimeStamp:i failures[].visitReason:s failures[].visitedUuid:s failures[].visitType:i=1 failures[].email:s failures[].phone:s failures[].cardNum:s failures[].password:s failures[].entryTimeStamp:i failures[].postion:s failures[].birthdayStamp:i failures[].ext:s failures[].groupList:S'],
  ['person.list', 'POST', '/v1/api/person/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:type:i b:name:s b:phone:s b:identifyNum:s b:email:s b:code:s b:cardNum:s b:uniqueIdentify:s b:staffEntryMinStamp:i b:staffEntryMaxStamp:i b:visitorCreateMinStamp:i b:visitorCreateMaxStamp:i b:filterVisitedType:i b:simpleInfo:b b:isPinyinOrder:b b:visitType:i b:visitedName:s', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].type:i=1 list[].sex:i=0 list[].imageUri:s list[].code:s list[].identifyNum:s list[].visitStartTime:s list[].visitEndTime:s list[].visitReason:s list[].visitedUuid:s list[].visitedName:s list[].visitType:i=1 list[].visitedStatus:b list[].email:s list[].phone:s list[].cardNum:s list[].password:s list[].entryTime:s list[].postion:s list[].birthday:s list[].uniqueIdentify:s list[].ext:s list[].groupList:O list[].groupList[].uuid:s list[].groupList[].name:s list[].visitFirm:s list[].isPassRecord:b list[].isAttendanceRecord:b'],
  ['person.uuidList', 'POST', '/v1/api/person/uuid/list', 'json', 'array', 'b:uuidList:S!', '[].uuid:s [].name:s [].type:i=1 [].sex:i=0 [].imageUri:s [].code:s [].identifyNum:s [].visitStartTime:s [].visitEndTime:s [].visitReason:s [].visitedUuid:s [].visitedName:s [].visitType:i=1 [].visitedStatus:b [].email:s [].phone:s [].cardNum:s [].password:s [].entryTime:s [].postion:s [].birthday:s [].uniqueIdentify:s [].ext:s [].groupList:O [].groupList[].uuid:s [].groupList[].name:s [].visitFirm:s'],
  ['person.query', 'POST', '/v1/api/person/query', 'json', 'object', 'b:uuid:s!', 'uuid:s name:s type:i=1 sex:i=0 imageUri:s code:s identifyNum:s visitStartTime:s visitEndTime:s visitReason:s visitedUuid:s visitedName:s visitType:i=1 visitedStatus:b email:s phone:s cardNum:s password:s entryTime:s postion:s birthday:s uniqueIdentify:s ext:s groupList:O groupList[].uuid:s groupList[].name:s visitFirm:s'],
  ['person.visitorCode', 'POST', '/v1/api/person/visitorCode', 'json', 'object', 'p:personUuid:s? b:uuid:s!', 'qrCode:s'],
  ['misc.fileUpload', 'POST', '/v1/api/misc/file/upload', 'form', 'object', 'q:type:i! f:file:f!', 'uri:s'],
  ['attendanceAdjust.add', 'POST', '/v1/api/attendance/adjust/add', 'json', 'object', 'b:personUuid:s! b:adjustType:i! b:adjustTimeBegin:s! b:adjustTimeEnd:s! b:adjustReason:s', 'personUuid:s adjustType:i=1 adjustTimeBegin:s adjustTimeEnd:s adjustReason:s uuid:s'],
  ['attendanceAdjust.list', 'POST', '/v1/api/attendance/adjust/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:personName:s b:adjustType:i b:startTime:s b:endTime:s', 'pageNum:i pageSize:i total:i list:O list[].personName:s list[].personCode:s list[].groupName:s list[].adjustTimeBegin:s list[].adjustTimeEnd:s list[].adjustType:i=1 list[].adjustReason:s'],
  ['attendanceAdjust.update', 'POST', '/v1/api/attendance/adjust/update', 'json', 'string', 'b:uuid:s! b:adjustType:i! b:adjustTimeBegin:s! b:adjustTimeEnd:s! b:adjustReason:s', ''],
  ['sysConfig.saveAFaceConfig', 'POST', '/v1/api/sys/config/saveAFaceConfig', 'json', 'object', 'b:attendanceRecordCallbackUrl:s b:identifyRecordCallbackUrl:s b:temperatureSwitch:i! b:maskAlertSwitch:i!', 'attendanceRecordCallbackUrl:s identifyRecordCallbackUrl:s temperatureSwitch:i=0 maskAlertSwitch:i=0'],
  ['storageCriteria.save', 'POST', '/v1/api/sys/storageCriteria/save', 'json', 'object', 'b:level:i! b:customConfig:o b:customConfig.blur:n b:customConfig.pitch:n b:customConfig.roll:n b:customConfig.yaw:n b:customConfig.brightnessMin:n b:customConfig.size:n b:customConfig.sdtDeviation:n b:customConfig.brightnessMax:n', 'level:i=1 customConfig:o customConfig.blur:n customConfig.pitch:n customConfig.roll:n customConfig.yaw:n customConfig.brightnessMin:n customConfig.size:n customConfig.sdtDeviation:n customConfig.brightnessMax:n'],
  ['storageCriteria.info', 'POST', '/v1/api/sys/storageCriteria/info', 'json', 'object', '', 'level:i=1 customConfig:o customConfig.blur:n customConfig.pitch:n customConfig.roll:n customConfig.yaw:n customConfig.brightnessMin:n customConfig.size:n customConfig.sdtDeviation:n customConfig.brightnessMax:n'],
  ['sysConfig.temperatureConfig', 'POST', '/v1/api/sys/config/temperatureConfig', 'json', 'object', '', 'temperatureSwitch:i=0 maskAlertSwitch:i=0'],
  ['sysConfig.queryAFaceConfig', 'POST', '/v1/api/sys/config/queryAFaceConfig', 'json', 'object', '', 'attendanceRecordCallbackUrl:s identifyRecordCallbackUrl:s temperatureSwitch:i=0 maskAlertSwitch:i=0'],
  ['sysConfig.resetAFaceConfig', 'POST', '/v1/api/sys/config/resetAFaceConfig', 'json', 'object', '', 'attendanceRecordCallbackUrl:s identifyRecordCallbackUrl:s temperatureSwitch:i=0 maskAlertSwitch:i=0'],
  ['storageCriteria.setDefault', 'POST', '/v1/api/sys/storageCriteria/setDefault', 'json', 'object', '', 'level:i=3'],
  ['schedule.update', 'POST', '/v1/api/pass/schedule/update', 'json', 'string', 'b:uuid:s! b:name:s! b:holiday:O b:holiday[].date:s! b:holiday[].state:b! b:holiday[].during:O b:holiday[].during[].from:s! b:holiday[].during[].to:s! b:workDay:O! b:workDay[].week:i! b:workDay[].during:O! b:workDay[].during[].from:s! b:workDay[].during[].to:s!', ''],
  ['schedule.delete', 'POST', '/v1/api/pass/schedule/delete', 'json', 'object', 'b:uuidList:S!', 'successes:O successes[].uuid:s successes[].code:i successes[].msg:s failures:O failures[].uuid:s failures[].code:i failures[].msg:s'],
  ['schedule.page', 'POST', '/v1/api/pass/schedule/page', 'json', 'page', 'b:pageNum:i b:pageSize:i b:name:s b:type:i!', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].type:i=1'],
  ['schedule.details', 'POST', '/v1/api/pass/schedule/details', 'json', 'array', 'b:uuidList:S!', '[].uuid:s [].name:s [].workDay:O [].workDay[].week:i=1 [].workDay[].during:O [].workDay[].during[].from:s [].workDay[].during[].to:s [].holiday:O [].holiday[].date:s [].holiday[].state:b [].holiday[].during:O [].holiday[].during[].from:s [].holiday[].during[].to:s [].type:i=1'],
  ['schedule.addBatch', 'POST', '/v1/api/pass/schedule/addBatch', 'json', 'object', 'b:scheduleList:O! b:scheduleList[].uuid:s b:scheduleList[].name:s! b:scheduleList[].holiday:O b:scheduleList[].holiday[].date:s! b:scheduleList[].holiday[].state:b! b:scheduleList[].holiday[].during:O b:scheduleList[].holiday[].during[].from:s! b:scheduleList[].holiday[].during[].to:s! b:scheduleList[].workDay:O! b:scheduleList[].workDay[].week:i! b:scheduleList[].workDay[].during:O! b:scheduleList[].workDay[].during[].from:s! b:scheduleList[].workDay[].during[].to:s! b:scheduleList[].type:i!', 'successes:O successes[].uuid:s successes[].code:i successes[].name:s successes[].holiday:O successes[].holiday[].date:s successes[].holiday[].state:b successes[].holiday[].during:O successes[].holiday[].during[].from:s successes[].holiday[].during[].to:s successes[].msg:s successes[].workDay:O successes[].workDay[].week:i=1 successes[].workDay[].during:O successes[].workDay[].during[].from:s successes[].workDay[].during[].to:s successes[].type:i=1 failures:O failures[].uuid:s failures[].code:i failures[].name:s failures[].holiday:O failures[].holiday[].date:s failures[].holiday[].state:b failures[].holiday[].during:O failures[].holiday[].during[].from:s failures[].holiday[].during[].to:s failures[].msg:s failures[].workDay:O failures[].workDay[].week:i=1 failures[].workDay[].during:O failures[].workDay[].during[].from:s failures[].workDay[].during[].to:s failures[].type:i=1'],
  ['passGroup.update', 'POST', '/v1/api/pass/group/update', 'json', 'string', 'b:uuid:s! b:name:s!', ''],
  ['passGroup.delete', 'POST', '/v1/api/pass/group/delete', 'json', 'string', 'b:uuid:s!', ''],
  ['passGroup.batchAdd', 'POST', '/v1/api/pass/group/batchAdd', 'json', 'object', 'b:groupList:O! b:groupList[].uuid:s b:groupList[].name:s! b:groupList[].type:i!', 'successes:O successes[].uuid:s successes[].code:i successes[].name:s successes[].msg:s successes[].type:i=1 failures:O failures[].uuid:s failures[].code:i failures[].name:s failures[].msg:s failures[].type:i=1'],
  ['passGroup.batchDeletePerson', 'POST', '/v1/api/pass/group/batchDeletePerson', 'json', 'string', 'b:groupUuid:s! b:personUuids:S!', ''],
  ['passGroup.queryPersonListInGroup', 'POST', '/v1/api/pass/group/queryPersonListInGroup', 'json', 'page', 'b:pageNum:i b:pageSize:i b:uuid:s! b:type:i! b:name:s b:personCode:s', 'pageNum:i pageSize:i total:i list:O list[].groupUuid:s list[].personUuid:s list[].imageUri:s list[].personName:s list[].personCode:s list[].visitTargetUuid:s list[].visitTarget:s list[].visitStartTime:s list[].visitEndTime:s list[].status:s list[].phone:s list[].identifyNum:s list[].type:i=1 list[].visitReason:s'],
  ['passGroup.query', 'POST', '/v1/api/pass/group/query', 'json', 'object', 'b:uuid:s!', 'uuid:s name:s type:i=1 personTotal:i'],
  ['passGroup.list', 'POST', '/v1/api/pass/group/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:type:i! b:name:s', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].type:i=1 list[].personTotal:i'],
  ['attendanceGroup.add', 'POST', '/v1/api/attendance/group/add', 'json', 'object', 'b:name:s! b:groupPersons:S! b:attendanceTime:O! b:attendanceTime[].order:i! b:attendanceTime[].onSt:s! b:attendanceTime[].onEt:s! b:attendanceTime[].offSt:s! b:attendanceTime[].offEt:s! b:specialDate:O b:specialDate[].date:s! b:specialDate[].isPunch:i b:weekPlan:S! b:daySpan:i!', 'successePerson:S failurePerson:S name:s attendanceTime:O attendanceTime[].order:i=1 attendanceTime[].onSt:s attendanceTime[].onEt:s attendanceTime[].offSt:s attendanceTime[].offEt:s specialDate:O specialDate[].date:s specialDate[].isPunch:i=0 weekPlan:S=MONDAY daySpan:i=0 uuid:s'],
  ['attendanceGroup.batchDelete', 'POST', '/v1/api/attendance/group/batchDelete', 'json', 'object', 'b:uuids:S!', 'successes:O successes[].uuid:s successes[].code:i successes[].msg:s failures:O failures[].uuid:s failures[].code:i failures[].msg:s'],
  ['attendanceGroup.update', 'POST', '/v1/api/attendance/group/update', 'json', 'object', 'b:uuid:s! b:name:s! b:groupPersons:S! b:attendanceTime:O! b:attendanceTime[].order:i! b:attendanceTime[].onSt:s! b:attendanceTime[].onEt:s! b:attendanceTime[].offSt:s! b:attendanceTime[].offEt:s! b:specialDate:O b:specialDate[].date:s! b:specialDate[].isPunch:i b:weekPlan:S! b:daySpan:i!', 'name:s attendanceTime:O attendanceTime[].order:i=1 attendanceTime[].onSt:s attendanceTime[].onEt:s attendanceTime[].offSt:s attendanceTime[].offEt:s specialDate:O specialDate[].date:s specialDate[].isPunch:i=0 weekPlan:S=MONDAY daySpan:i=0 successePerson:S failurePerson:S uuid:s'],
  ['attendanceGroup.personList', 'POST', '/v1/api/attendance/group/person/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:personName:s b:personCode:s', 'pageNum:i pageSize:i total:i list:O list[].groupUuid:s list[].groupName:s list[].personUuid:s list[].personName:s list[].personCode:s list[].businessType:i=0'],
  ['attendanceGroup.list', 'POST', '/v1/api/attendance/group/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:name:s', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].attendanceTime:O list[].attendanceTime[].order:i=1 list[].attendanceTime[].onSt:s list[].attendanceTime[].onEt:s list[].attendanceTime[].offSt:s list[].attendanceTime[].offEt:s list[].specialDate:O list[].specialDate[].date:s list[].specialDate[].isPunch:i=0 list[].weekPlan:S=MONDAY list[].daySpan:i=0 list[].totalPerson:i'],
  ['attendanceGroup.queryDetails', 'POST', '/v1/api/attendance/group/query/details', 'json', 'object', 'b:uuid:s!', 'name:s groupPersons:O groupPersons[].personUuid:s groupPersons[].personName:s attendanceTime:O attendanceTime[].order:i=1 attendanceTime[].onSt:s attendanceTime[].onEt:s attendanceTime[].offSt:s attendanceTime[].offEt:s specialDate:O specialDate[].date:s specialDate[].isPunch:i=0 weekPlan:S=MONDAY daySpan:i=0 totalPerson:i uuid:s code:i msg:s'],
  ['attendanceStatistic.list', 'POST', '/v1/api/attendance/statistic/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:name:s b:groupUuid:s b:startTime:s b:endTime:s', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].personName:s list[].personCode:s list[].groupName:s list[].workDays:i list[].normalDays:i list[].adjustDays:i list[].absentDays:i list[].lateTimes:i list[].leaveEarlyTimes:i list[].lateLeaveEarlyTimes:i list[].omitPunchTimes:i list[].absentTimes:i'],
  ['attendanceRecord.personByMonthList', 'POST', '/v1/api/attendance/record/personByMonth/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:uuid:s!', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].personName:s list[].personCode:s list[].attendanceDate:s list[].attTimeResult:O list[].attTimeResult[].order:i=1 list[].attTimeResult[].inPunch:s list[].attTimeResult[].outPunch:s list[].attTimeResult[].result:i=0 list[].status:i=0'],
  ['attendanceRecord.calendar', 'POST', '/v1/api/attendance/record/calendar', 'json', 'array', 'b:uuid:s!', '[].uuid:s [].personName:s [].personCode:s [].attendanceDate:s [].attTimeResult:O [].attTimeResult[].order:i=1 [].attTimeResult[].inPunch:s [].attTimeResult[].outPunch:s [].attTimeResult[].result:i=0 [].status:i=0'],
  ['attendanceRecord.list', 'POST', '/v1/api/attendance/record/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:personName:s b:personCode:s b:startTime:s b:endTime:s', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].personName:s list[].personCode:s list[].attendanceDate:s list[].attTimeResult:O list[].attTimeResult[].order:i=1 list[].attTimeResult[].inPunch:s list[].attTimeResult[].outPunch:s list[].attTimeResult[].result:i=0 list[].status:i=0'],
  ['attendanceRecord.detailList', 'POST', '/v1/api/attendance/record/detail/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:uuid:s!', 'pageNum:i pageSize:i total:i list:O list[].personUuid:s list[].personName:s list[].personCode:s list[].deviceName:s list[].deviceLocation:s list[].snapshotUri:s list[].personImageUri:s list[].passTime:s'],
  ['attendanceRecord.adjust', 'POST', '/v1/api/attendance/record/adjust', 'json', 'object', 'b:uuid:s! b:adjustType:i! b:adjustReason:s', 'adjustRecordUuid:s uuid:s adjustType:i=1 adjustReason:s'],
  ['attendanceDevice.batchDelete', 'POST', '/v1/api/attendance/device/batchDelete', 'json', 'object', 'b:uuids:S!', 'successes:O successes[].uuid:s successes[].code:i successes[].msg:s failures:O failures[].uuid:s failures[].code:i failures[].msg:s'],
  ['attendanceDevice.batchAdd', 'POST', '/v1/api/attendance/device/batchAdd', 'json', 'object', 'b:uuids:S!', 'successes:O successes[].uuid:s successes[].attendanceDeviceUuid:s successes[].code:i successes[].msg:s failures:O failures[].uuid:s failures[].attendanceDeviceUuid:s failures[].code:i failures[].msg:s'],
  ['attendanceDevice.list', 'POST', '/v1/api/attendance/device/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:name:s b:location:s b:deviceType:i b:deviceModel:i', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].location:s list[].deviceType:i=1 list[].deviceModel:i=1'],
  ['pubsub.recordAdd', 'POST', '/v1/api/pubsub/busi/record/add', 'json', 'string', 'b:appKey:s b:pushUrl:s! b:busiTypes:I!', ''],
  ['pubsub.recordQuery', 'POST', '/v1/api/pubsub/busi/record/query', 'json', 'object', 'b:appKey:s', 'appKey:s pushUrl:s busiTypes:I=5'],
  ['pubsub.recordUnbind', 'POST', '/v1/api/pubsub/busi/record/unbind', 'json', 'string', 'b:appKey:s', ''],
  ['device.update', 'POST', '/v1/api/device/update', 'json', 'string', 'b:uuid:s! b:name:s! b:location:s! b:ipAddress:s b:mac:s b:userName:s b:userPassword:s b:port:i b:rtspUrl:s', ''],
  ['device.list', 'POST', '/v1/api/device/list', 'json', 'page', 'b:name:s b:pageNum:i b:deviceType:i b:pageSize:i', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].location:s list[].name:s list[].deviceType:i=1 list[].status:i=3 list[].ipAddress:s list[].mac:s list[].deviceMode:i=1 list[].upgradeStatus:i=0 list[].upgradeAction:i=0 list[].currentVersion:s list[].checkFirm:i=0'],
  ['device.delete', 'POST', '/v1/api/device/delete', 'json', 'string', 'b:uuid:s!', ''],
  ['device.preDelete', 'POST', '/v1/api/device/preDelete', 'json', 'object', 'b:uuid:s!', 'tag:i=0 deployType:i=3'],
  ['device.queryReportDevice', 'POST', '/v1/api/device/queryReportDevice', 'json', 'page', 'b:pageNum:i b:snCode:s b:deviceType:i b:pageSize:i b:discoveryMethod:i', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].deviceType:i=2 list[].snCode:s list[].gmtCreate:s list[].discoveryMethod:i=1'],
  ['device.listBygroup', 'POST', '/v1/api/device/listBygroup', 'json', 'array', '', '[].deviceType:i=1 [].deviceList:O [].deviceList[].uuid:s [].deviceList[].name:s'],
  ['device.queryDeviceInfo', 'POST', '/v1/api/device/queryDeviceInfo', 'json', 'object', 'b:uuid:s!', 'uuid:s name:s ipAddress:s location:s deviceType:i=1 mac:s deviceMode:i=1 userName:s userPassword:s deviceModel:i=1 discoveryMethod:i=1 snCode:s rtspUrl:s port:i'],
  ['device.query', 'POST', '/v1/api/device/query', 'json', 'object', 'b:uuid:s!', 'uuid:s name:s ipAddress:s location:s deviceType:i=1 featureVersion:s appVersion:s status:i=3 cpuUsage:n memoryUsage:n diskUsage:n cpuTemperature:n memoryValue:n diskValue:n deviceMode:i=1 mac:s bindAiServer:o bindAiServer.uuid:s bindAiServer.name:s bindAiServer.deviceType:i=3 bindAiServer.status:i=3 bindDevices:O bindDevices[].uuid:s bindDevices[].name:s bindDevices[].deviceType:i=1 bindDevices[].status:i=3'],
  ['device.listEnbindGroup', 'POST', '/v1/api/device/list/enbind/group', 'json', 'array', 'b:uuid:s!', '[].deviceType:i=1 [].deviceList:O [].deviceList[].uuid:s [].deviceList[].name:s [].deviceList[].bindType:i=0'],
  ['device.importDevice', 'POST', '/v1/api/device/importDevice', 'json', 'string', 'b:name:s! b:location:s! b:deviceType:i! b:deviceModel:i! b:deviceMode:i! b:snCode:s! b:discoveryMethod:i!', ''],
  ['device.add', 'POST', '/v1/api/device/add', 'json', 'object', 'b:name:s! b:location:s! b:deviceType:i! b:deviceModel:i! b:deviceMode:i b:ipAddress:s! b:mac:s b:userName:s b:userPassword:s b:rtspUrl:s b:port:i', 'successes:O successes[].uuid:s successes[].code:i successes[].name:s successes[].location:s successes[].msg:s successes[].deviceType:i=1 successes[].deviceModel:i=1 successes[].deviceMode:i=1 successes[].ipAddress:s successes[].mac:s successes[].userName:s successes[].userPassword:s successes[].rtspUrl:s successes[].port:i failures:O failures[].uuid:s failures[].code:i failures[].name:s failures[].location:s failures[].msg:s failures[].deviceType:i=1 failures[].deviceModel:i=1 failures[].deviceMode:i=1 failures[].ipAddress:s failures[].mac:s failures[].userName:s failures[].userPassword:s failures[].rtspUrl:s failures[].port:i'],
  ['device.bind', 'POST', '/v1/api/device/bind', 'json', 'string', 'b:uuid:s! b:deviceUuids:S!', ''],
  ['device.unbind', 'POST', '/v1/api/device/unbind', 'json', 'string', 'b:uuid:s! b:unBindDeviceUuid:s!', ''],
  ['passAuthority.delete', 'POST', '/v1/api/pass/authority/delete', 'json', 'string', 'b:deviceUuid:s! b:scheduleUuid:s!', ''],
  ['passAuthority.add', 'POST', '/v1/api/pass/authority/add', 'json', 'string', 'b:deviceUuids:S! b:groupUuids:S! b:scheduleUuid:s!', ''],
  ['passAuthority.update', 'POST', '/v1/api/pass/authority/update', 'json', 'string', 'b:deviceUuid:s! b:oldScheduleUuid:s! b:newScheduleUuid:s! b:oldGroupUuids:S! b:newGroupUuids:S!', ''],
  ['passAuthority.list', 'POST', '/v1/api/pass/authority/list', 'json', 'page', 'b:pageNum:i b:deviceName:s b:pageSize:i b:deviceUuids:S b:groupUuid:s b:scheduleUuid:s', 'pageNum:i pageSize:i total:i list:O list[].deviceUuid:s list[].deviceName:s list[].groups:O list[].groups[].groupUuid:s list[].groups[].groupName:s list[].scheduleUuid:s list[].scheduleName:s'],
  ['passRecord.list', 'POST', '/v1/api/pass_record/list', 'json', 'page', 'b:pageNum:i b:pageSize:i b:personUuid:s b:personName:s b:personCode:s b:visitPersonName:s b:deviceUuids:S b:deviceName:s b:deviceLocation:s b:recognitionType:i b:verificationMode:i b:passType:i b:livenessType:i b:startPassTime:s b:endPassTime:s b:maskType:i', 'pageNum:i pageSize:i total:i list:O list[].personUuid:s list[].personName:s list[].personType:i=1 list[].personCode:s list[].visitType:i=1 list[].visitPeronUuid:s list[].visitPersonCode:s list[].visitPersonName:s list[].visitReason:s list[].visitFirm:s list[].deviceSetUuid:s list[].deviceUuid:s list[].deviceName:s list[].deviceLocation:s list[].deviceModel:i=1 list[].recognitionType:i=1 list[].verificationMode:i=0 list[].passType:i=0 list[].livenessType:i=0 list[].uuid:s list[].personImageUrl:s list[].snapshotUrl:s list[].passTimestamp:i list[].recognitionTypeDesc:s list[].verificationModeDesc:s list[].passTypeDesc:s list[].temperature:n list[].temperatureType:i=0 list[].temperatureTypeDesc:s list[].maskType:i=0 list[].maskTypeDesc:s'],
  ['door.queryB3rInBind', 'POST', '/v1/api/door/queryB3rInBind', 'json', 'page', 'b:pageNum:i b:uuid:s! b:pageSize:i', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].location:s list[].name:s list[].deviceType:i=1 list[].deviceModel:i list[].deviceMode:i=1'],
  ['door.list', 'POST', '/v1/api/door/list', 'json', 'page', 'b:location:s b:pageNum:i b:name:s b:pageSize:i b:deviceType:i b:deviceModel:i b:passModel:b!', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].location:s list[].name:s list[].deviceType:i=1 list[].deviceModel:i=1 list[].status:i=3 list[].synStatus:i=0 list[].switchIp:s list[].isPass:i=0 list[].failNum:i'],
  ['door.syncDetail', 'POST', '/v1/api/door/syncDetail', 'json', 'page', 'b:pageNum:i b:uuid:s! b:pageSize:i', 'pageNum:i pageSize:i total:i list:O list[].uuid:s list[].name:s list[].imageUrl:s list[].type:i=1'],
  ['door.queryFeatureFailList', 'POST', '/v1/api/door/queryFeatureFailList', 'json', 'page', 'b:pageNum:i b:uuid:s! b:pageSize:i', 'pageNum:i pageSize:i total:i list:O list[].personUuid:s list[].name:s list[].imageUri:s list[].type:i=1'],
  ['door.queryBindType', 'POST', '/v1/api/door/queryBindType', 'json', 'object', 'b:uuid:s!', 'bindType:i=1'],
  ['door.queryConfig', 'POST', '/v1/api/door/queryConfig', 'json', 'object', 'b:uuid:s!', 'uuid:s customConfig:o customConfig.companyName:s customConfig.showPersonName:b customConfig.pictureType:i=0 customConfig.standByTime:i customConfig.fillLightness:i customConfig.recognitionInterval:n customConfig.rebootSchedule:s customConfig.alarmInput1:i=0 customConfig.alarmInput2:i=0 customConfig.alarmOutput1:I=0 customConfig.recognitionTimes:i customConfig.lockSwitch:b customConfig.sensorType:i=0 customConfig.verificationMode:i=0 customConfig.openTimeOut:i customConfig.openDuration:n customConfig.openDelay:n customConfig.wiegandMode:i=0 customConfig.wiegandFormat:i=0 customConfig.wiegandOutput:i=0 customConfig.standbyWpUrl:s algorithmConfig:o algorithmConfig.recognitionMode:i=0 algorithmConfig.recognitionThreshold:n algorithmConfig.livenessModel:i=0 algorithmConfig.livenessThreshold:n algorithmConfig.maxDistance:i=1 algorithmConfig.pitchThreshold:n algorithmConfig.yawThreshold:n algorithmConfig.rollThreshold:n algorithmConfig.sharpnessThreshold:n algorithmConfig.smallestFace:n algorithmConfig.strangerRecognitionThreshold:n algorithmConfig.faceAeMode:b algorithmConfig.maskSwitch:b algorithmConfig.maskThreshold:n safeGuardConfig:o safeGuardConfig.recognitionMode:i=0 safeGuardConfig.recognitionThreshold:n safeGuardConfig.livenessModel:i=0 safeGuardConfig.livenessThreshold:n safeGuardConfig.maxDistance:i=1 safeGuardConfig.pitchThreshold:n safeGuardConfig.yawThreshold:n safeGuardConfig.rollThreshold:n safeGuardConfig.sharpnessThreshold:n safeGuardConfig.smallestFace:n safeGuardConfig.strangerRecognitionThreshold:n safeGuardConfig.recognitionInterval:n strangerConfig:o strangerConfig.recognitionMode:i=0 strangerConfig.recognitionThreshold:n strangerConfig.maxDistance:i=1 strangerConfig.pitchThreshold:n strangerConfig.yawThreshold:n strangerConfig.rollThreshold:n strangerConfig.sharpnessThreshold:n strangerConfig.smallestFace:n strangerConfig.strangerRecognitionThreshold:n strangerConfig.recognitionInterval:n temperatureConfig:o temperatureConfig.temperatureSwitch:b temperatureConfig.highTemperatureOff:b temperatureConfig.temperatureMode:b temperatureConfig.highThreshold:n temperatureConfig.maskAlertSwitch:b temperatureConfig.unMaskOff:b'],
  ['door.add', 'POST', '/v1/api/door/add', 'json', 'string', 'b:addDeviceUuids:S! b:removeDeviceUuids:S!', ''],
  ['door.remove', 'POST', '/v1/api/door/remove', 'json', 'string', 'b:uuid:s!', ''],
  ['door.bindSwitch', 'POST', '/v1/api/door/bindSwitch', 'json', 'string', 'b:switchIp:s b:uuid:s!', ''],
  ['door.openDoor', 'POST', '/v1/api/door/openDoor', 'json', 'string', 'b:uuid:s!', ''],
  ['door.config', 'POST', '/v1/api/door/config', 'json', 'string', 'b:uuid:s! b:customConfig:o b:customConfig.companyName:s b:customConfig.showPersonName:b b:customConfig.pictureType:i b:customConfig.standByTime:i b:customConfig.fillLightness:i b:customConfig.recognitionInterval:n b:customConfig.rebootSchedule:s b:customConfig.alarmInput1:i b:customConfig.alarmInput2:i b:customConfig.alarmOutput1:I b:customConfig.recognitionTimes:i b:customConfig.lockSwitch:b b:customConfig.sensorType:i b:customConfig.verificationMode:i b:customConfig.openTimeOut:i b:customConfig.openDuration:n b:customConfig.openDelay:n b:customConfig.wiegandMode:i b:customConfig.wiegandFormat:i b:customConfig.wiegandOutput:i b:customConfig.standbyWpUrl:s b:algorithmConfig:o b:algorithmConfig.recognitionMode:i b:algorithmConfig.recognitionThreshold:n b:algorithmConfig.livenessModel:i b:algorithmConfig.livenessThreshold:n b:algorithmConfig.maxDistance:i b:algorithmConfig.pitchThreshold:n b:algorithmConfig.yawThreshold:n b:algorithmConfig.rollThreshold:n b:algorithmConfig.sharpnessThreshold:n b:algorithmConfig.smallestFace:n b:algorithmConfig.strangerRecognitionThreshold:n b:algorithmConfig.faceAeMode:b b:algorithmConfig.maskSwitch:b b:algorithmConfig.maskThreshold:n b:safeGuardConfig:o b:safeGuardConfig.recognitionThreshold:n b:safeGuardConfig.livenessModel:i b:safeGuardConfig.livenessThreshold:n b:safeGuardConfig.pitchThreshold:n b:safeGuardConfig.yawThreshold:n b:safeGuardConfig.rollThreshold:n b:safeGuardConfig.sharpnessThreshold:n b:safeGuardConfig.smallestFace:n b:safeGuardConfig.strangerRecognitionThreshold:n b:safeGuardConfig.recognitionInterval:n b:strangerConfig:o b:strangerConfig.recognitionThreshold:n b:strangerConfig.pitchThreshold:n b:strangerConfig.yawThreshold:n b:strangerConfig.rollThreshold:n b:strangerConfig.sharpnessThreshold:n b:strangerConfig.smallestFace:n b:strangerConfig.strangerRecognitionThreshold:n b:strangerConfig.recognitionInterval:n b:temperatureConfig:o b:temperatureConfig.temperatureSwitch:b! b:temperatureConfig.highTemperatureOff:b! b:temperatureConfig.temperatureMode:b! b:temperatureConfig.highThreshold:n! b:temperatureConfig.maskAlertSwitch:b! b:temperatureConfig.unMaskOff:b!', ''],
  ['device.info', 'GET', '/v1/api/device/info', 'none', 'object', '', 'name:s type:s version:s'],
];

const LOCATIONS: Readonly<Record<string, FieldLocation>> = { b: 'body', q: 'query', f: 'form', p: 'path' };

function parseField(token: string): CatalogField {
  const [loc = '', name = '', kindAndFlag = ''] = token.split(':');
  const flag = kindAndFlag.slice(1);
  return {
    name,
    in: LOCATIONS[loc] ?? 'body',
    kind: kindAndFlag.charAt(0) as ValueKind,
    requirement: flag === '!' ? 'required' : flag === '?' ? 'unstated' : 'optional',
  };
}

function parseReplyField(token: string): ReplyField {
  const [name = '', rest = ''] = token.split(':');
  const [kind = 's', enumFirst] = rest.split('=');
  return { name, kind: kind as ValueKind, ...(enumFirst !== undefined ? { enumFirst: Number(enumFirst) } : {}) };
}

const tokens = (text: string): string[] => text.split(' ').filter((token) => token.length > 0);

export const CATALOG: readonly CatalogEntry[] = ROWS.map(([id, method, path, body, reply, fields, replyFields]) => ({
  id,
  method,
  path,
  body,
  reply,
  fields: tokens(fields).map(parseField),
  replyFields: tokens(replyFields).map(parseReplyField),
}));

export const CATALOG_BY_ID: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((entry) => [entry.id, entry]));

export function catalogEntry(id: string): CatalogEntry {
  const entry = CATALOG_BY_ID.get(id);
  if (!entry) throw new Error(`hongtu simulator: no endpoint ${id}`);
  return entry;
}
