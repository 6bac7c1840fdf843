import { words } from '../common/catalog.ts';
import type { EndpointEntry } from '../common/catalog.ts';

/**
 * Every endpoint of the ZKBio CVSecurity 3rd Party API v1.2 (seed 004, 217 sections 2.1.1–2.47.2),
 * generated once from ../shared/specs/zkbio.endpoints.json so the simulator and its tests never read
 * outside the repository. The simulator's own table: it knows nothing of the client's.
 *
 * Row: [id, method, path, section, body, reply, request fields, reply fields, installer subset].
 * - body: `-` none, `obj` JSON object, `obj?` JSON object the document may not need, `arr` JSON array, `form` multipart.
 * - request fields: `loc:name` with loc q(uery) p(ath) b(ody) f(orm); `!` the document says required,
 *   `?` the document does not say, nothing = optional. Array-body fields are those of each element.
 * - reply fields: `name:kind` (s string, i integer, N number, b boolean, a array, o object, n null,
 *   d date-time, D date, 6 base64); `paged` rows list the fields of one item, `a.b[].c` is nested.
 */
export type Method = 'GET' | 'POST' | 'DELETE';
export type ReplyShape = 'general' | 'object' | 'array' | 'paged' | 'scalar' | 'ret-envelope' | 'other';
export type BodyKind = 'none' | 'object' | 'optional-object' | 'array' | 'multipart';
export type FieldLocation = 'query' | 'path' | 'body' | 'form';
export type Requirement = 'required' | 'optional' | 'unstated';
export type ValueKind = 's' | 'i' | 'N' | 'b' | 'a' | 'o' | 'n' | 'd' | 'D' | '6';

export interface CatalogField {
  readonly name: string;
  readonly in: FieldLocation;
  readonly requirement: Requirement;
}

export interface ReplyField {
  readonly name: string;
  readonly kind: ValueKind;
}

export interface CatalogEntry extends EndpointEntry<Method, BodyKind, ReplyShape, CatalogField, ReplyField> {
  readonly section: string;
  readonly installerSubset: boolean;
}

type Row = readonly [string, Method, string, string, string, ReplyShape, string, string, 0 | 1];

const ROWS: readonly Row[] = [
  ['accLevel.deleteLevel', 'POST', '/api/accLevel/deleteLevel', '2.1.1', '-', 'general', 'q:pin! q:levelIds!', '', 1],
  ['accLevel.getById', 'GET', '/api/accLevel/getById/{id}', '2.1.2', '-', 'object', 'p:id!', 'id:s name:s', 0],
  ['accLevel.getById.v2', 'GET', '/api/v2/accLevel/getById', '2.1.3', '-', 'object', 'q:id!', 'id:s name:s', 1],
  ['accLevel.getByName', 'GET', '/api/accLevel/getByName/{name}', '2.1.4', '-', 'object', 'p:name!', 'id:s name:s', 0],
  ['accLevel.getByName.v2', 'GET', '/api/v2/accLevel/getByName', '2.1.5', '-', 'object', 'q:name!', 'id:s name:s', 1],
  ['accLevel.list', 'GET', '/api/accLevel/list', '2.1.6', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s', 0],
  ['accLevel.syncLevel', 'POST', '/api/accLevel/syncLevel', '2.1.7', '-', 'general', 'q:levelId!', '', 1],
  ['accLevel.syncPerson', 'POST', '/api/accLevel/syncPerson', '2.1.8', '-', 'general', 'q:pin! q:levelIds!', '', 1],
  ['accLevel.list.v2', 'GET', '/api/v2/accLevel/list', '2.1.9', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s', 1],
  ['accLevel.addLevel', 'POST', '/api/accLevel/addLevel', '2.1.10', 'arr', 'general', 'b:name! b:timeSegName! b:areaName!', '', 1],
  ['accLevel.addLevelDoor', 'POST', '/api/accLevel/addLevelDoor', '2.1.11', 'arr', 'general', 'b:levelName! b:doorName!', '', 1],
  ['accLevel.addLevelPerson', 'POST', '/api/accLevel/addLevelPerson', '2.1.12', '-', 'general', 'q:pin! q:levelIds!', '', 1],
  ['accAdvanced.getWhoIsInsideByZone', 'GET', '/api/accAdvanced/getWhoIsInsideByZone', '2.2.1', '-', 'array', 'q:code!', 'zoneId:s zoneName:s pin:s', 0],
  ['accAdvanced.getWhoIsInsideByZoneList', 'POST', '/api/accAdvanced/getWhoIsInsideByZoneList', '2.2.2', '-', 'paged', 'q:pageNo! q:pageSize!', 'zoneId:s zoneName:s pin:s', 0],
  ['eleLevel.deleteLevel', 'POST', '/api/eleLevel/deleteLevel', '2.3.1', '-', 'general', 'q:pin! q:levelIds!', '', 0],
  ['eleLevel.getById', 'GET', '/api/eleLevel/getById/{id}', '2.3.2', '-', 'object', 'p:id!', 'id:s name:s', 0],
  ['eleLevel.getByName', 'GET', '/api/eleLevel/getByName/{name}', '2.3.3', '-', 'object', 'p:name!', 'id:s name:s', 0],
  ['eleLevel.list', 'GET', '/api/eleLevel/list', '2.3.4', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s', 0],
  ['eleLevel.syncLevel', 'POST', '/api/eleLevel/syncLevel', '2.3.5', '-', 'general', 'q:levelId!', '', 1],
  ['eleLevel.syncPerson', 'POST', '/api/eleLevel/syncPerson', '2.3.6', '-', 'general', 'q:pin! q:levelIds!', '', 1],
  ['eleLevel.list.v2', 'GET', '/api/v2/eleLevel/list', '2.3.7', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s', 1],
  ['parkAuthorize.addBlackWhite', 'POST', '/api/parkAuthorize/addBlackWhite', '2.4.1', '-', 'general', 'q:type? q:carNumber? q:fromTime? q:toTime?', '', 0],
  ['parkAuthorize.delBlackWhite', 'POST', '/api/parkAuthorize/delBlackWhite', '2.4.2', '-', 'general', 'q:carNumber?', '', 0],
  ['parkAuthorize.editBlackWhite', 'POST', '/api/parkAuthorize/editBlackWhite', '2.4.3', '-', 'general', 'q:type? q:carNumber? q:oldCarNumber? q:fromTime? q:toTime?', '', 0],
  ['card.getCards', 'GET', '/api/card/getCards/{pin}', '2.5.1', '-', 'array', 'p:pin!', 'pin:s cardNo:s cardType:s', 0],
  ['card.getCards.v2', 'GET', '/api/card/getCards', '2.5.2', '-', 'array', 'q:pin!', 'pin:s cardNo:s cardType:s', 1],
  ['card.set', 'POST', '/api/card/set', '2.5.3', 'obj', 'general', 'b:pin! b:cardNo! b:cardType?', '', 1],
  ['department.add', 'POST', '/api/department/add', '2.6.1', 'obj', 'general', 'b:name! b:code! b:parentCode?', '', 1],
  ['department.delete', 'DELETE', '/api/department/delete/{code}', '2.6.2', '-', 'general', 'p:code!', '', 0],
  ['department.delete.v2', 'POST', '/api/department/delete', '2.6.3', '-', 'general', 'q:code!', '', 0],
  ['department.get', 'GET', '/api/department/get/{code}', '2.6.4', '-', 'object', 'p:code!', 'name:s code:s parentCode:s', 0],
  ['department.get.v2', 'GET', '/api/department/get', '2.6.5', '-', 'object', 'q:code!', 'name:s code:s parentCode:s', 1],
  ['department.getDepartmentList', 'POST', '/api/department/getDepartmentList', '2.6.6', '-', 'paged', 'q:pageNo! q:pageSize!', 'name:s code:s sortNo:i parentCode:s', 1],
  ['adMedia.add', 'POST', '/api/adMedia/add', '2.7.1', 'form', 'general', 'f:file! f:mediaName!', '', 0],
  ['adMedia.delete', 'DELETE', '/api/adMedia/delete/{name}', '2.7.2', '-', 'general', 'p:name!', '', 0],
  ['adMedia.get', 'GET', '/api/adMedia/get/{name}', '2.7.3', '-', 'array', 'p:name!', 'id:s mediaName:s mediaSize:s mediaSuffix:s mediaType:s mediaPath:s', 0],
  ['area.get', 'GET', '/api/attAreaPerson/area/get/{code}', '2.8.1', '-', 'object', 'p:code!', 'id:s code:s name:s', 0],
  ['area.get.v2', 'GET', '/api/v2/attAreaPerson/area/get', '2.8.2', '-', 'object', 'q:code!', 'id:s code:s name:s', 0],
  ['area.list', 'GET', '/api/attAreaPerson/area/list', '2.8.3', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s code:s name:s', 0],
  ['area.list.v2', 'GET', '/api/v2/attAreaPerson/area/list', '2.8.4', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s code:s name:s', 0],
  ['attAreaPerson.delete', 'DELETE', '/api/attAreaPerson/delete', '2.9.1', 'obj', 'general', 'b:code! b:pins!', '', 0],
  ['attAreaPerson.set', 'POST', '/api/attAreaPerson/set', '2.9.2', 'obj', 'general', 'b:code! b:pins!', '', 0],
  ['device.accList', 'GET', '/api/device/acclist', '2.10.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s', 1],
  ['device.getAcc', 'GET', '/api/device/getAcc', '2.10.2', '-', 'object', 'q:sn!', 'id:s sn:s name:s type:s state:s module:s', 1],
  ['device.list.v2', 'GET', '/api/v2/device/list', '2.10.3', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s status:s', 1],
  ['eleDevice.eleList', 'GET', '/api/eleDevice/eleList', '2.11.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s', 0],
  ['eleDevice.getEle', 'GET', '/api/eleDevice/getEle', '2.11.2', '-', 'object', 'q:sn!', 'id:s sn:s name:s type:s state:s module:s', 1],
  ['eleDevice.eleList.v2', 'GET', '/api/v2/eleDevice/eleList', '2.11.3', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s status:s', 1],
  ['door.allDoorState', 'GET', '/api/door/allDoorState', '2.12.1', '-', 'array', 'q:timestamp!', 'id:s name:s deviceId:s connect:s sensor:s alarm:s relay:s', 1],
  ['door.doorStateById', 'GET', '/api/door/doorStateById', '2.12.2', '-', 'object', 'q:doorId? q:timestamp!', 'id:s name:s deviceId:s connect:s sensor:s alarm:s relay:s', 1],
  ['door.doorStateBySn', 'GET', '/api/door/doorStateBySn', '2.12.3', '-', 'object', 'q:deviceSn? q:timestamp!', 'id:s name:s deviceId:s connect:s sensor:s alarm:s relay:s', 1],
  ['door.get', 'GET', '/api/door/get', '2.12.4', '-', 'object', 'q:id?', 'id:s name:s deviceId:s', 1],
  ['door.list', 'GET', '/api/door/list', '2.12.5', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s deviceId:s', 0],
  ['door.remoteCloseById', 'POST', '/api/door/remoteCloseById', '2.12.6', '-', 'general', 'q:doorId!', '', 1],
  ['door.remoteCloseByName', 'POST', '/api/door/remoteCloseByName', '2.12.7', '-', 'general', 'q:doorName!', '', 1],
  ['door.remoteOpenById', 'POST', '/api/door/remoteOpenById', '2.12.8', '-', 'general', 'q:doorId! q:interval!', '', 1],
  ['door.remoteOpenByName', 'POST', '/api/door/remoteOpenByName', '2.12.9', '-', 'general', 'q:doorName! q:interval!', '', 1],
  ['door.list.v2', 'GET', '/api/v2/door/list', '2.12.10', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s deviceId:s', 1],
  ['floor.list', 'GET', '/api/floor/list', '2.13.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s floorNo:i name:s deviceId:s', 0],
  ['floor.remoteCloseById', 'POST', '/api/floor/remoteCloseById', '2.13.2', '-', 'general', 'q:floorId!', '', 1],
  ['floor.remoteOpenById', 'POST', '/api/floor/remoteOpenById', '2.13.3', '-', 'general', 'q:floorId! q:interval!', '', 1],
  ['floor.list.v2', 'GET', '/api/v2/floor/list', '2.13.4', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s floorNo:i name:s deviceId:s', 1],
  ['person.add', 'POST', '/api/person/add', '2.14.1', 'obj', 'general', 'b:pin! b:deptCode? b:name? b:lastName? b:gender? b:cardNo? b:personPhoto? b:accLevelIds? b:accStartTime? b:accEndTime?', '', 1],
  ['person.delete', 'DELETE', '/api/person/delete/{pin}', '2.14.2', '-', 'general', 'p:pin!', '', 0],
  ['person.delete.v2', 'POST', '/api/person/delete', '2.14.3', '-', 'general', 'q:pin!', '', 1],
  ['person.get', 'GET', '/api/person/get/{pin}', '2.14.4', '-', 'object', 'p:pin!', 'pin:s deptCode:s deptName:s name:s lastName:s gender:s cardNo:s', 0],
  ['person.get.v2', 'GET', '/api/person/get', '2.14.5', '-', 'object', 'q:pin!', 'pin:s deptCode:s deptName:s name:s lastName:s gender:s cardNo:s vislightPhoto:6 vislightPhotoPath:s', 1],
  ['person.getPersonList', 'POST', '/api/person/getPersonList', '2.14.6', 'obj', 'other', 'b:pins? b:deptCodes? b:pageNo! b:pageSize!', 'pin:s deptCode:s deptName:s name:s lastName:s gender:s cardNo:s personPhoto:6 vislightPhoto:6 vislightPhotoPath:s', 0],
  ['person.getQrCode', 'POST', '/api/person/getQrCode/{pin}', '2.14.7', 'obj?', 'scalar', 'p:pin! b:pin?', 'data:s', 0],
  ['person.getQrCode.v2', 'POST', '/api/v2/person/getQrCode', '2.14.8', 'obj?', 'scalar', 'q:pin! b:pin?', 'data:s', 0],
  ['person.leave', 'POST', '/api/person/leave', '2.14.9', 'obj', 'general', 'b:pin! b:leaveDate? b:leaveType?', 'data:n', 0],
  ['person.addPersonnelBasicInfo', 'POST', '/api/person/addPersonnelBasicInfo', '2.14.10', 'obj', 'general', 'b:pin! b:deptCode? b:name? b:lastName? b:gender? b:cardNo? b:birthday? b:certNumber? b:certType? b:email? b:hireDate? b:isDisabled? b:isSendMail? b:mobilePhone? b:personPwd? b:ssn? b:supplyCards?', '', 1],
  ['person.updatePersonnelPhoto', 'POST', '/api/person/updatePersonnelPhoto', '2.14.11', 'obj', 'general', 'b:pin! b:personPhoto?', '', 1],
  ['person.getPersonList.v2', 'POST', '/api/v2/person/getPersonList', '2.14.12', 'obj', 'paged', 'b:pins? b:deptCodes? b:pageNo! b:pageSize!', 'id:s pin:s deptCode:s deptName:s name:s lastName:s gender:s birthday:D cardNo:s supplyCards:s personPhoto:6 selfPwd:s isSendMail:b mobilePhone:s personPwd:s carPlate:s email:s ssn:s accLevelIds:s accStartTime:s accEndTime:s certType:s certNumber:s photoPath:s hireDate:s isDisabled:b vislightPhoto:6 vislightPhotoPath:s', 1],
  ['person.reinstated', 'POST', '/api/person/reinstated', '2.14.13', 'obj', 'general', 'b:pin! b:deptCode? b:name? b:lastName? b:gender? b:cardNo? b:birthday? b:certNumber? b:certType? b:email? b:hireDate? b:isDisabled? b:isSendMail? b:mobilePhone? b:personPwd? b:ssn? b:supplyCards? b:carPlate? b:personPhoto? b:accLevelIds? b:accStartTime? b:accEndTime?', '', 0],
  ['person.addPersons.v2', 'POST', '/api/v2/person/addPersons', '2.14.14', 'arr', 'general', 'b:pin! b:deptCode? b:name? b:lastName? b:gender? b:cardNo? b:birthday? b:certNumber? b:certType? b:email? b:hireDate? b:isDisabled? b:isSendMail? b:mobilePhone? b:personPwd? b:ssn? b:supplyCards? b:carPlate? b:personPhoto? b:accLevelIds? b:accStartTime? b:accEndTime?', '', 1],
  ['person.deleteByPins.v2', 'POST', '/api/v2/person/deleteByPins', '2.14.15', '-', 'general', 'q:pins!', '', 1],
  ['person.detectFace.v2', 'POST', '/api/v2/person/detectFace', '2.14.16', 'obj', 'general', 'b:personPhoto!', '', 1],
  ['reader.accList', 'GET', '/api/reader/acclist', '2.15.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s doorId:s name:s readerNo:i readerState:i', 0],
  ['reader.getAcc', 'GET', '/api/reader/getAcc', '2.15.2', '-', 'object', 'q:id!', 'id:s doorId:s name:s readerNo:i readerState:i', 1],
  ['reader.list.v2', 'GET', '/api/v2/reader/list', '2.15.3', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s doorId:s name:s readerNo:i readerState:i', 1],
  ['visReservation.add', 'POST', '/api/visReservation/add', '2.16.1', 'obj', 'general', 'b:persPersonPin! b:certType! b:certNum! b:visitEmpName! b:visitEmpPhone? b:company? b:visitReason! b:visitDate! b:visitEndDate!', '', 1],
  ['visReservation.del', 'POST', '/api/visReservation/del', '2.16.2', '-', 'general', 'q:certType! q:certNum! q:visitDate!', '', 0],
  ['visLevel.list', 'GET', '/api/visLevel/list', '2.17.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s', 1],
  ['visRegistration.add', 'POST', '/api/visRegistration/add', '2.18.1', 'obj', 'general', 'b:persPersonPin! b:certType! b:certNum! b:visEmpName! b:visitEmpPhone? b:company? b:visitReason! b:visitorCount! b:startTime! b:endTime! b:cardNo? b:visLevels?', '', 1],
  ['visRegistration.exit', 'POST', '/api/visRegistration/exit', '2.18.2', '-', 'general', 'q:certType! q:certNum!', '', 1],
  ['visRegistration.getQrCode', 'POST', '/api/visRegistration/getQrCode/{pin}', '2.18.3', 'obj?', 'scalar', 'p:pin! b:pin?', 'data:s', 0],
  ['visRegistration.getQrCode.v2', 'POST', '/api/visRegistration/getQrCode', '2.18.4', 'obj?', 'scalar', 'q:pin! b:pin?', 'data:s', 1],
  ['visRegistration.getQrCodeByCertNumber.v2', 'POST', '/api/v2/visRegistration/getQrCodeByCertNumber', '2.18.5', '-', 'scalar', 'q:certNumber! q:certType? q:phone?', 'data:s', 0],
  ['visVisitor.getVisitorList', 'POST', '/api/visVisitor/getVisitorList', '2.18.6', '-', 'array', 'q:pageNo! q:pageSize! q:certNumbers? q:names?', 'id:s pin:s name:s lastName:s certType:s certNumber:s company:s carPlate:s phone:s email:s status:n enabled:b nationality:s gender:s', 1],
  ['transaction.device', 'GET', '/api/transaction/device/{deviceSn}', '2.19.1', '-', 'array', 'p:deviceSn! q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i', 0],
  ['transaction.device.v2', 'GET', '/api/v2/transaction/device/{deviceSn}', '2.19.2', '-', 'paged', 'p:deviceSn! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6', 1],
  ['transaction.device.v3', 'GET', '/api/v3/transaction/device', '2.19.3', '-', 'paged', 'q:deviceSn? q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6 readerState:i doorNumber:i', 1],
  ['transaction.list', 'GET', '/api/transaction/list', '2.19.4', '-', 'array', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s', 0],
  ['transaction.list.v2', 'GET', '/api/v2/transaction/list', '2.19.5', '-', 'paged', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6', 1],
  ['transaction.monitor', 'GET', '/api/transaction/monitor', '2.19.6', '-', 'array', 'q:timestamp!', 'eventTime:d pin:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s', 1],
  ['transaction.person', 'GET', '/api/transaction/person/{pin}', '2.19.7', '-', 'array', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s', 0],
  ['transaction.person.v2', 'GET', '/api/v2/transaction/person/{pin}', '2.19.8', '-', 'paged', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6', 0],
  ['transaction.person.v3', 'GET', '/api/v3/transaction/person', '2.19.9', '-', 'paged', 'q:pin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6', 0],
  ['transaction.firstInAndLastOut', 'GET', '/api/transaction/firstInAndLastOut/{pin}', '2.19.10', '-', 'array', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s pin:s name:s lastName:s deptCode:s deptName:s readerNameIn:s firstInTime:s readerNameOut:s lastOutTime:s', 0],
  ['transaction.firstInAndLastOut.v2', 'GET', '/api/v2/transaction/firstInAndLastOut/{pin}', '2.19.11', '-', 'paged', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s pin:s name:s lastName:s deptCode:s deptName:s readerNameIn:s firstInTime:s readerNameOut:s lastOutTime:s', 0],
  ['transaction.firstInAndLastOut.v3', 'GET', '/api/v2/transaction/firstInAndLastOut', '2.19.12', '-', 'paged', 'q:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s pin:s name:s lastName:s deptCode:s deptName:s readerNameIn:s firstInTime:s readerNameOut:s lastOutTime:s', 0],
  ['transaction.getDoorTransactions', 'POST', '/api/transaction/getDoorTransactions', '2.19.13', 'obj', 'ret-envelope', 'b:devSn b:startTime b:endTime b:filter b:type b:eventNo b:personPin b:pageNo? b:pageSize?', 'ret:s msg:s data:a i18nArgs:n page:i pageSize:i total:i success:b data[].id:s data[].eventNo:i data[].eventName:s data[].eventTime:s data[].doorName:s data[].personPin:s data[].personName:s data[].areaName:s data[].personLastName:s data[].eventLevel:s', 0],
  ['transaction.getDoorTransactions.v2', 'POST', '/api/v2/transaction/getDoorTransactions', '2.19.14', 'obj', 'ret-envelope', 'b:devSn b:startTime b:endTime b:filter b:type b:eventNo b:personPin b:pageNo? b:pageSize?', 'ret:s msg:s data:o i18nArgs:n success:b data.data[].id:s data.data[].eventTime:d data.data[].pin:s data.data[].name:s data.data[].lastName:s data.data[].deptName:s data.data[].areaName:s data.data[].cardNo:s data.data[].devSn:s data.data[].verifyModeName:s data.data[].eventName:s data.data[].eventPointName:s data.data[].readerName:s data.data[].devName:s data.data[].logId:i data.data[].accZone:s data.data[].eventNo:i data.data[].eventLevel:i data.data[].doorName:s data.data[].capturePhotoBase64:6', 0],
  ['transaction.getDoorTransactionDetail', 'POST', '/api/transaction/getDoorTransactionDetail', '2.19.15', 'obj', 'ret-envelope', 'b:id!', 'ret:s msg:s data.id:s data.eventNo:i data.eventName:s data.eventTime:s data.doorName:s data.personPin:s data.personName:s data.areaName:s data.personLastName:s data.devName:s data.cardNo:s data.readerName:s data.verifyModeName:s', 0],
  ['transaction.getById', 'GET', '/api/transaction/getById/{id}', '2.19.16', '-', 'object', 'p:id!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6', 0],
  ['transaction.getById.v2', 'GET', '/api/v2/transaction/getById', '2.19.17', '-', 'object', 'q:id!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s eventNo:i eventLevel:i doorName:s capturePhotoBase64:6 readerState:i doorNumber:i', 1],
  ['eleTransaction.list', 'GET', '/api/eleTransaction/list', '2.20.1', '-', 'array', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s', 0],
  ['eleTransaction.list.v2', 'GET', '/api/v2/eleTransaction/list', '2.20.2', '-', 'paged', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s', 0],
  ['parkTransaction.listParkRecordin', 'GET', '/api/v2/parkTransaction/listParkRecordin', '2.21.1', '-', 'array', 'q:carNumber q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s parkAreaName:s name:s carNumber:s carTypeName:s channelName:s channelState:s eventType:s checkInTime:s', 0],
  ['parkTransaction.listParkRecordout', 'GET', '/api/v2/parkTransaction/listParkRecordout', '2.21.2', '-', 'array', 'q:carNumber q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s parkAreaName:s name:s carNumber:s carTypeName:s channelName:s channelState:s eventType:s checkOutTime:s', 0],
  ['transaction.listAttTransaction', 'GET', '/api/transaction/listAttTransaction', '2.22.1', '-', 'array', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:d pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i accZone:s', 0],
  ['device.getAtt', 'GET', '/api/device/getAtt', '2.23.1', '-', 'object', 'q:sn!', 'id:s sn:s name:s type:s status:s module:s', 0],
  ['attApply.applySign', 'POST', '/api/attApply/applySign', '2.24.1', 'obj', 'general', 'b:personPin? b:remark? b:signDatetime?', 'data:n', 0],
  ['attApply.applyOvertime', 'POST', '/api/attApply/applyOvertime', '2.24.2', 'obj', 'general', 'b:personPin? b:startDatetime? b:endDatetime? b:remark?', 'data:n', 0],
  ['attApply.applyLeave', 'POST', '/api/attApply/applyLeave', '2.24.3', 'obj', 'general', 'b:personPin? b:leaveTypeNo? b:startDatetime? b:endDatetime? b:leaveImagePath b:remark?', 'data:n', 0],
  ['attApply.getLeaveTypeList', 'GET', '/api/attApply/getLeaveTypeList', '2.23.4', '-', 'array', '', 'leaveTypeNo:s leaveTypeName:s', 0],
  ['attApply.uploadLeaveImage', 'POST', '/api/attApply/uploadLeaveImage', '2.23.5', 'obj', 'scalar', 'b:base64Image?', 'data:s', 0],
  ['attApply.getApplyTimeLong', 'POST', '/api/attApply/getApplyTimeLong', '2.23.6', 'obj', 'general', 'b:personPin? b:leaveTypeNo? b:startDatetime? b:endDatetime? b:leaveImagePath b:remark?', 'data:n', 0],
  ['attPerson.editAttPerson', 'POST', '/api/attPerson/editAttPerson', '2.25.1', 'obj', 'general', 'b:personPin? b:isAttendance? b:perDevAuth? b:verifyMode?', '', 0],
  ['bioTemplate.add', 'POST', '/api/bioTemplate/add', '2.26.1', 'obj', 'general', 'b:personId! b:validType! b:template! b:templateNo!', '', 1],
  ['bioTemplate.getFgListByPin', 'GET', '/api/bioTemplate/getFgListByPin/{pin}', '2.26.2', '-', 'object', 'p:pin!', 'id:s pin:s validType:s bioType:i version:s template:6 templateNo:s templateNoIndex:i', 0],
  ['bioTemplate.delete', 'POST', '/api/bioTemplate/delete/{pin}', '2.26.3', '-', 'general', 'p:pin!', '', 0],
  ['bioTemplate.deleteByPinAndTemplateNo', 'POST', '/api/person/delete/{pin}{templateNo}', '2.26.4', '-', 'general', 'p:pin! p:templateNo!', '', 0],
  ['bioTemplate.getFgListByPin.v2', 'GET', '/api/v2/bioTemplate/getFgListByPin', '2.26.5', '-', 'object', 'q:pin!', 'id:s pin:s validType:s bioType:i', 1],
  ['bioTemplate.deleteByPin.v2', 'POST', '/api/v2/bioTemplate/deleteByPin', '2.26.6', '-', 'general', 'q:pin!', '', 1],
  ['bioTemplate.deleteByPinAndTemplateNo.v2', 'POST', '/api/v2/person/delete', '2.26.7', '-', 'general', 'q:pin! q:templateNo!', '', 0],
  ['hepTransaction.list', 'GET', '/api/hep/transaction/list', '2.27.1', '-', 'array', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s accZone:s devName:s logId:i eventNumber:s photoPath:s maskFlag:s temperature:N status:s', 0],
  ['hepTransaction.monitor', 'GET', '/api/hep/transaction/monitor', '2.27.2', '-', 'array', 'q:timestamp!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s eventName:s eventPointName:s devName:s eventNumber:s photoPath:s maskFlag:s temperature:N status:s', 0],
  ['attPerson.editInsPerson', 'POST', '/api/attPerson/editInsPerson', '2.28.1', 'obj', 'general', 'b:personPin? b:category? b:perDevAuth?', 'data:n', 0],
  ['insAreaPerson.delAreaPerson', 'POST', '/api/insAreaPerson/delAreaPerson', '2.29.1', 'obj', 'general', 'b:code? b:pins?', 'data:n', 0],
  ['insAreaPerson.setAreaPerson', 'POST', '/api/insAreaPerson/setAreaPerson', '2.29.2', 'obj', 'general', 'b:code? b:pins?', 'data:n', 0],
  ['insAreaPerson.getAreaList', 'GET', '/api/insAreaPerson/getAreaList', '2.29.3', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s code:s name:s', 0],
  ['insAreaPerson.getAreaList.v2', 'GET', '/api/v2/insAreaPerson/getAreaList', '2.29.4', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s code:s name:s', 0],
  ['device.attAdDeviceList', 'GET', '/api/device/attAdDeviceList', '2.30.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s status:s module:s', 0],
  ['device.attAdDeviceList.v2', 'GET', '/api/v2/device/attAdDeviceList', '2.30.2', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s status:s module:s', 0],
  ['psgDevice.list', 'GET', '/api/psgDevice/list', '2.31.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s gateType:s', 0],
  ['psgDevice.getBySn', 'GET', '/api/psgDevice/getBySn', '2.31.2', '-', 'object', 'q:sn!', 'id:s sn:s name:s type:s state:s module:s gateType:s', 1],
  ['psgDevice.list.v2', 'GET', '/api/v2/psgDevice/list', '2.31.3', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s state:s module:s gateType:s', 1],
  ['psgGate.allGateState', 'GET', '/api/psgGate/allGateState', '2.32.1', '-', 'array', '', 'id:s name:s deviceId:s connect:s gateState:s alarm:s relay:s', 1],
  ['psgGate.gateStateById', 'GET', '/api/psgGate/gateStateById', '2.32.2', '-', 'array', 'q:gateId?', 'id:s name:s deviceId:s connect:s gateState:s alarm:s relay:s', 1],
  ['psgGate.gateStateBySn', 'GET', '/api/psgGate/gateStateBySn', '2.32.3', '-', 'array', 'q:deviceSn?', 'id:s name:s deviceId:s connect:s gateState:s alarm:s relay:s', 1],
  ['psgGate.getById', 'GET', '/api/psgGate/getById', '2.32.4', '-', 'object', 'q:id?', 'id:s name:s deviceId:s', 0],
  ['psgGate.list', 'GET', '/api/psgGate/list', '2.32.5', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s deviceId:s', 0],
  ['psgGate.list.v2', 'GET', '/api/v2/psgGate/list', '2.32.6', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s deviceId:s', 1],
  ['psgGate.remoteOpenById', 'POST', '/api/psgGate/remoteOpenById', '2.32.7', '-', 'general', 'q:gateId! q:openType?', '', 1],
  ['psgGate.remoteOpenByName', 'POST', '/api/psgGate/remoteOpenByName', '2.32.8', '-', 'general', 'q:gateName! q:openType?', '', 0],
  ['psgLevel.deleteLevel', 'POST', '/api/psgLevel/deleteLevel', '2.33.1', '-', 'general', 'q:pin! q:levelIds!', '', 0],
  ['psgLevel.getById', 'GET', '/api/psgLevel/getById/{id}', '2.33.2', '-', 'object', 'p:id!', 'id:s name:s', 0],
  ['psgLevel.getById.v2', 'GET', '/api/v2/psgLevel/getById/{id}', '2.33.3', '-', 'object', 'p:id!', 'id:s name:s', 0],
  ['psgLevel.getByName', 'GET', '/api/psgLevel/getByName/{name}', '2.33.4', '-', 'object', 'p:name!', 'id:s name:s', 0],
  ['psgLevel.getByName.v2', 'GET', '/api/v2/psgLevel/getByName/{name}', '2.33.5', '-', 'object', 'p:name!', 'id:s name:s', 0],
  ['psgLevel.list', 'GET', '/api/psgLevel/list', '2.33.6', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s name:s', 0],
  ['psgLevel.syncLevel', 'POST', '/api/psgLevel/syncLevel', '2.33.7', '-', 'general', 'q:levelId!', '', 0],
  ['psgLevel.syncPerson', 'POST', '/api/psgLevel/syncPerson', '2.33.8', '-', 'general', 'q:pin! q:levelIds!', '', 1],
  ['psgLevel.list.v2', 'GET', '/api/v2/psgLevel/list', '2.33.9', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s', 1],
  ['psgLevel.addLevelByLevel.v2', 'POST', '/api/v2/psgLevel/addLevelByLevel', '2.33.10', 'arr', 'general', 'b:levelId! b:pins!', '', 0],
  ['psgLevel.addLevelByPerson.v2', 'POST', '/api/v2/psgLevel/addLevelByPerson', '2.33.11', 'arr', 'general', 'b:pin! b:levelIds!', '', 1],
  ['psgReader.list', 'GET', '/api/psgReader/list', '2.34.1', '-', 'array', 'q:pageNo! q:pageSize!', 'id:s gateId:s name:s readerNo:i readerState:i', 0],
  ['psgReader.list.v2', 'GET', '/api/v2/psgReader/list', '2.34.2', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s gateId:s name:s readerNo:i readerState:i', 1],
  ['psgReader.getById', 'GET', '/api/psgReader/getById', '2.34.3', '-', 'object', 'q:id!', 'id:s gateId:s name:s readerNo:i readerState:i', 0],
  ['psgTransaction.device', 'GET', '/api/psgTransaction/device/{deviceSn}', '2.35.1', '-', 'array', 'p:deviceSn! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.device.v2', 'GET', '/api/v2/psgTransaction/device/{deviceSn}', '2.35.2', '-', 'paged', 'p:deviceSn! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.device.v3', 'GET', '/api/v3/psgTransaction/device/{deviceSn}', '2.35.3', '-', 'paged', 'p:deviceSn! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.list', 'GET', '/api/psgTransaction/list', '2.35.4', '-', 'array', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.list.v2', 'GET', '/api/v2/psgTransaction/list', '2.35.5', '-', 'paged', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.monitor', 'GET', '/api/psgTransaction/monitor', '2.35.6', '-', 'array', 'q:timestamp!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 1],
  ['psgTransaction.person', 'GET', '/api/psgTransaction/person/{pin}', '2.35.7', '-', 'array', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.list.v2.dup', 'GET', '/api/v2/psgTransaction/list', '2.35.8', '-', 'paged', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['psgTransaction.person.v3', 'GET', '/api/v3/psgTransaction/person/{pin}', '2.35.9', '-', 'paged', 'p:pin! q:pageNo! q:pageSize! q:startDate q:endDate', 'id:s eventTime:s pin:s name:s lastName:s deptName:s areaName:s cardNo:s devSn:s verifyModeName:s eventName:s eventPointName:s readerName:s devName:s logId:i eventNo:i gateType:i', 0],
  ['parkBase.getParkChannelList', 'GET', '/api/v1/parkBase/getParkChannelList', '2.36.1', '-', 'other', 'q:pageNo! q:pageSize!', 'data[].channelId:s data[].channelName:s totalCount:i', 0],
  ['parkBase.openGateChannel', 'POST', '/api/v1/parkBase/openGateChannel', '2.36.2', '-', 'general', 'q:channelId!', '', 0],
  ['parkPlate.addPlate', 'POST', '/api/v1/parkPlate/addPlate', '2.36.3', 'obj', 'general', 'b:pin? b:carNumber? b:oldCarNumber', '', 0],
  ['parkPlate.delPlate', 'POST', '/api/v1/parkPlate/delPlate', '2.36.4', 'obj', 'general', 'b:pin? b:carNumber?', '', 0],
  ['transaction.listPosTransaction', 'GET', '/api/transaction/listPosTransaction', '2.37.1', '-', 'paged', 'q:personPin q:deptCode q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s posTime:s personPin:s personName:s personLastName:s sysCardNo:s cardStatus:s cardSerialNum:i deptCode:s deptName:s card:i typeName:i money:N subMoney:N balance:N subBalance:s posModel:i hallingCode:s hallingName:s mealCode:s mealName:s devSn:s devAlias:s devSerialNum:i', 0],
  ['account.getAccount', 'GET', '/api/account/getAccount', '2.38.1', '-', 'object', 'q:personPin?', 'personPin:s personName:s personLastName:s accountNo:s balance:i posMoneyWallet:i posAllowanceWallet:i deptCode:s deptName:s accountType:i serialNum:i consumeSerailnum:i available:i accountMember:i accountKindName:s', 0],
  ['transaction.listPosidTransaction', 'GET', '/api/transaction/listPosidTransaction', '2.39.1', '-', 'paged', 'q:personPin q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s personPin:s personName:s personLastName:s accountNo:s typeName:i money:i balance:i moneyWallet:i allowanceWallet:i posModel:i discount:n discountMoney:i consumeOrder:i deptCode:s deptName:s hallingCode:s hallingName:s mealCode:s mealName:s devSn:s accountSerial:i cardNo:s posTime:s createTime:s creatorName:s logFlag:i', 0],
  ['ivsDevice.getParentDevList', 'GET', '/api/ivsDevice/getParentDevList', '2.40.1', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s ip:s status:s userName:s passWord:s port:s type:s', 0],
  ['ivsDevice.getDevList', 'GET', '/api/ivsDevice/getDevList', '2.40.2', '-', 'paged', 'q:pageNo! q:pageSize! q:parentId!', 'id:s cameraName:s cameraType:s status:s channel:s parentType:s channelCode:s vidParentDeviceId:s channelId:s', 0],
  ['ivsDevice.getDeviceRtsp', 'GET', '/api/ivsDevice/getDeviceRtsp', '2.40.3', '-', 'object', 'q:channelId! q:rtspType!', 'resultCode:s content.rtspUrls[].rtspUrl:s content.rtspUrls[].type:i content.rtspUrls[].parentType:i', 0],
  ['ivsDevice.getVideoList', 'GET', '/api/ivsDevice/getVideoList', '2.40.4', '-', 'object', 'q:channelId! q:startTime! q:endTime!', 'videoItem[].startTime:s videoItem[].endTime:s videoItem[].type:s', 0],
  ['ivsDevice.getRtspPlayBack', 'GET', '/api/ivsDevice/getRtspPlayBack', '2.40.5', '-', 'object', 'q:channelId! q:startTime! q:endTime!', 'passWord:s rtspUrl:s vidParentDeviceId:s rtspUrls[].rtspUrl:s rtspUrls[].type:i type:s userName:s channelCode:s', 0],
  ['ivsDevice.setPushSetting', 'GET', '/api/ivsDevice/setPushSetting', '2.40.6', '-', 'general', 'q:pushAddress! q:alarmCodes', 'data:n', 0],
  ['parkBase.getParkingAreaList.v2', 'GET', '/api/v2/parkBase/getParkingAreaList', '2.41.1', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s parentId:s', 0],
  ['parkBase.getParkingDiscountList.v2', 'GET', '/api/v2/parkBase/getParkingDiscountList', '2.41.2', '-', 'paged', 'q:pageNo! q:pageSize!', 'discountId:s discountType:i discountName:s content:s', 0],
  ['parkBase.getParkingEntranceList.v2', 'GET', '/api/v2/parkBase/getParkingEntranceList', '2.41.3', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s areaId:s', 0],
  ['parkBase.getParkingCarTypeList.v2', 'GET', '/api/v2/parkBase/getParkingCarTypeList', '2.41.4', '-', 'paged', 'q:pageNo! q:pageSize!', 'id:s name:s', 0],
  ['parkBase.getParkingSpaceList.v2', 'GET', '/api/v2/parkBase/getParkingSpaceList', '2.41.5', '-', 'paged', 'q:pageNo! q:pageSize! q:areaId!', 'id:s name:s areaId:s', 0],
  ['parkBase.getParkingChannelList.v2', 'GET', '/api/v2/parkBase/getParkingChannelList', '2.41.6', '-', 'paged', 'q:pageNo! q:pageSize!', 'channelId:s channelName:s', 0],
  ['parkTransaction.listParkRecordin.v2', 'GET', '/api/v2/parkTransaction/listParkRecordin', '2.41.7', '-', 'paged', 'q:carNumber q:startDate q:endDate q:pageNo! q:pageSize!', 'id:s parkingAreaName:s name:s carNumber:s carTypeName:s channelName:s channelState:s eventType:s checkInTime:s', 0],
  ['parkTransaction.listParkRecordout.v2', 'GET', '/api/v2/parkTransaction/listParkRecordout', '2.41.8', '-', 'paged', 'q:carNumber q:startDate q:endDate q:pageNo! q:pageSize?', 'id:s parkingAreaName:s name:s carNumber:s carTypeName:s channelName:s channelState:s eventType:s checkOutTime:s parkingTime:s', 0],
  ['parkPlate.addAllowDisabled.v2', 'POST', '/api/v2/parkPlate/addAllowDisabled', '2.41.9', '-', 'general', 'q:type? q:carNumber? q:oldCarNumber q:parkCode q:fromTime? q:toTime?', '', 0],
  ['parkPlate.addFixedVehicle.v2', 'POST', '/api/v2/parkPlate/addFixedVehicle', '2.41.10', 'obj', 'general', 'b:amount? b:areaId? b:carNumber? b:carTypeId? b:startTime? b:endTime? b:entranceIds? b:pin? b:spaceId', 'data:n', 0],
  ['parkPlate.delFixedVehicle.v2', 'POST', '/api/v2/parkPlate/delFixedVehicle', '2.41.11', 'obj', 'general', 'b:carNumber? b:pin?', 'data:n', 0],
  ['spaceDevice.getBySn', 'GET', '/api/spaceDevice/getBySn', '2.42.1', '-', 'object', 'q:sn!', 'id:s sn:s name:s type:s status:s module:s', 0],
  ['spaceDevice.list', 'GET', '/api/spaceDevice/list', '2.42.2', '-', 'paged', 'q:deviceName q:sn! q:pageNo! q:pageSize!', 'id:s sn:s name:s type:s status:s module:s', 0],
  ['space.list', 'GET', '/api/space/list', '2.43.1', '-', 'paged', 'q:name q:pageNo! q:pageSize!', 'id:s name:s picture:6 status:s capacity:s spaceFacilityIds:s spaceDeviceIds:s authAreaName:s address:s personId:s personPin:s personTel:s smartSpace:b remark:s retentionTime:s', 0],
  ['space.getById', 'GET', '/api/space/getById', '2.43.2', '-', 'object', 'q:id!', 'id:s name:s picture:6 status:s capacity:s spaceFacilityIds:s spaceDeviceIds:s authAreaName:s address:s personId:s personPin:s personTel:s smartSpace:b remark:s retentionTime:s', 0],
  ['space.deleteById', 'POST', '/api/space/deleteById', '2.43.3', 'obj', 'general', 'b:id!', 'message:s data:a', 0],
  ['space.addSpace', 'POST', '/api/space/addSpace', '2.43.4', 'obj', 'general', 'b:id! b:name! b:picture b:status b:capacity! b:spaceFacilityIds b:spaceDeviceIds! b:address b:personPin! b:personTel b:smartSpace b:remark b:retentionTime', 'data:n', 0],
  ['spaceFacility.list', 'GET', '/api/spaceFacility/list', '2.44.1', '-', 'paged', 'q:name q:pageNo! q:pageSize!', 'id:s name:s facilityNo:i remark:s initFlag:b', 0],
  ['spaceFacility.getById', 'GET', '/api/spaceFacility/getById', '2.44.2', '-', 'object', 'q:id!', 'id:s name:s facilityNo:i remark:s initFlag:b', 0],
  ['spaceFacility.deleteById', 'POST', '/api/spaceFacility/deleteById', '2.44.3', 'obj', 'general', 'q:id! b:id!', 'message:s data:a', 0],
  ['spaceFacility.addFacility', 'POST', '/api/spaceFacility/addFacility', '2.44.4', 'obj', 'general', 'b:id! b:name! b:facilityNo! b:remark', 'data:n', 0],
  ['spaceService.list', 'GET', '/api/spaceService/list', '2.45.1', '-', 'paged', 'q:name q:pageNo! q:pageSize!', 'id:s name:s remark:s initFlag:b', 0],
  ['spaceService.getById', 'GET', '/api/spaceService/getById', '2.45.2', '-', 'object', 'q:id!', 'id:s name:s remark:s initFlag:b', 0],
  ['spaceService.deleteById', 'POST', '/api/spaceService/deleteById', '2.45.3', 'obj', 'general', 'q:id! b:id!', 'message:s data:a', 0],
  ['spaceService.addService', 'POST', '/api/spaceService/addService', '2.45.4', 'obj', 'general', 'b:id! b:name! b:remark', 'data:n', 0],
  ['spaceReservation.list', 'GET', '/api/spaceReservation/list', '2.46.1', '-', 'paged', 'q:spaceName q:subject q:startTime q:endTime q:pageNo! q:pageSize!', 'id:s subject:s content:s spaceId:s spaceName:s spaceAddress:s startSignInDateTime:s startTime:s endTime:s startSignInTime:i applyPersonId:s applyPersonPin:s applyPersonName:s applyPersonLastName:s applyPersonEmail:s serviceIds:s reservationStatus:i remindTime:s', 0],
  ['spaceReservation.getById', 'GET', '/api/spaceReservation/getById', '2.46.2', '-', 'object', 'q:id!', 'id:s subject:s content:s spaceId:s spaceName:s spaceAddress:s startSignInDateTime:s startTime:s endTime:s startSignInTime:i applyPersonId:s applyPersonPin:s applyPersonName:s applyPersonLastName:s applyPersonEmail:s serviceIds:s reservationStatus:i remindTime:s participantIds:s', 0],
  ['spaceReservation.deleteById', 'POST', '/api/spaceReservation/deleteById', '2.46.3', 'obj', 'general', 'q:id! b:id!', 'message:s data:a', 0],
  ['spaceReservation.cancelReservation', 'POST', '/api/spaceReservation/cancelReservation', '2.46.4', 'obj', 'general', 'b:id!', 'message:s data:a', 0],
  ['spaceReservation.finishReservation', 'POST', '/api/spaceReservation/finishReservation', '2.46.5', 'obj', 'general', 'b:id!', 'message:s data:a', 0],
  ['spaceReservation.getReservationParticipants', 'POST', '/api/spaceReservation/getReservationParticipants', '2.46.6', 'obj', 'array', 'b:id!', 'id:s pin:s name:s lastName:s', 0],
  ['spaceReservation.addSpaceReservation', 'POST', '/api/spaceReservation/addSpaceReservation', '2.46.7', 'obj', 'general', 'b:id? b:subject? b:content? b:applyPersonPin! b:applyPersonEmail? b:startTime? b:endTime? b:startSignInTime? b:participantIds! b:spaceId! b:serviceIds? b:remindTime?', 'data:n', 0],
  ['parkCost.vehicleBilling', 'POST', '/api/v1/parkCost/vehicleBilling', '2.47.1', 'obj', 'object', 'b:carNumber?', 'carNumber:s recordId:s carAuth:s finalAmount:s chargeType:s checkInTime:s parkingTime:s', 0],
  ['parkCost.payNotify', 'POST', '/api/v1/parkCost/payNotify', '2.47.2', 'obj', 'object', 'b:carNumber? b:paymentType? b:recordId?', 'carNumber:s recordId:s paymentType:s', 0],
];

const BODY: Record<string, BodyKind> = { '-': 'none', obj: 'object', 'obj?': 'optional-object', arr: 'array', form: 'multipart' };
const LOCATION: Record<string, FieldLocation> = { q: 'query', p: 'path', b: 'body', f: 'form' };

function parseField(token: string): CatalogField {
  const [loc = '', rest = ''] = token.split(':');
  const requirement: Requirement = rest.endsWith('!') ? 'required' : rest.endsWith('?') ? 'unstated' : 'optional';
  const name = requirement === 'optional' ? rest : rest.slice(0, -1);
  const location = LOCATION[loc];
  if (!location) throw new Error(`catalog: bad field ${token}`);
  return { name, in: location, requirement };
}

function parseReplyField(token: string): ReplyField {
  const at = token.lastIndexOf(':');
  return { name: token.slice(0, at), kind: token.slice(at + 1) as ValueKind };
}

export const CATALOG: readonly CatalogEntry[] = ROWS.map(([id, method, path, section, body, reply, fields, replyFields, subset]) => {
  const bodyKind = BODY[body];
  if (!bodyKind) throw new Error(`catalog: bad body ${body} for ${id}`);
  return {
    id,
    method,
    path,
    section,
    body: bodyKind,
    reply,
    fields: words(fields).map(parseField),
    replyFields: words(replyFields).map(parseReplyField),
    installerSubset: subset === 1,
  };
});
