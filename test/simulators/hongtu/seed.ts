import type { ScheduleRecord, SiteSeed } from './state.ts';

/**
 * The demo site: just enough for the installer's pass flow (hongtu.md §4.1) to start from the
 * second step — an edge server and a camera already added, two panels that reported themselves
 * and wait to be imported, the schedule "全天", an employee group and three people (two employees
 * in the group, a visitor to one of them). No doors, authorities or subscriptions yet: the flow
 * makes those. Device addresses are in 192.0.2.0/24 (documentation range): data only, never dialled.
 * Fixed uuids, so tests and the demo can name things.
 */
export const SEED_IDS = {
  edgeServer: 'd0000000000000000000000000000001',
  camera: 'd0000000000000000000000000000004',
  panelA: 'd0000000000000000000000000000002',
  panelB: 'd0000000000000000000000000000003',
  panelASn: 'W5KEA20240600001',
  panelBSn: 'W4KI5220240600002',
  allDay: 'c0000000000000000000000000000001',
  staffGroup: 'b0000000000000000000000000000001',
  zhangSan: 'a0000000000000000000000000000001',
  liSi: 'a0000000000000000000000000000002',
  wangWu: 'a0000000000000000000000000000003',
} as const;

const DAY = 24 * 60 * 60_000;

/** Every day, 00:00–23:59 (type 1 通行). */
export function allDaySchedule(uuid: string = SEED_IDS.allDay, name = '全天'): ScheduleRecord {
  return { uuid, name, type: 1, workDay: [1, 2, 3, 4, 5, 6, 7].map((week) => ({ week, during: [{ from: '00:00', to: '23:59' }] })), holiday: [] };
}

const PLATFORM = { name: '鸿图2000', type: 'MegBox-B3R-1012', version: 'V1.0.1' };
const ORGANISATION = {
  orgId: 1,
  orgUuid: '7348499c84ba4cb8a0e16cba33080be4',
  orgType: 2,
  orgFullName: '工地项目部',
  orgNickName: '',
  orgParentId: 0,
  zoneId: 1,
  zoneUuid: '91790090b6a94dd4b2a9fa46f6aeed33',
  zoneName: '一级区域',
};

export function defaultSeed(now: Date): SiteSeed {
  const at = now.getTime();
  return {
    platform: PLATFORM,
    organisation: ORGANISATION,
    devices: [
      {
        uuid: SEED_IDS.edgeServer,
        name: '算力服务器',
        location: '弱电间',
        deviceType: 3,
        deviceModel: 23,
        ipAddress: '192.0.2.10',
        mac: '00:1b:21:00:00:10',
        userName: 'admin',
        userPassword: 'admin123',
        port: 80,
        discoveryMethod: 2,
        online: true,
      },
      {
        uuid: SEED_IDS.camera,
        name: '大门抓拍机',
        location: '大门',
        deviceType: 1,
        deviceModel: 8,
        deviceMode: 1,
        ipAddress: '192.0.2.31',
        mac: '00:1b:21:00:00:31',
        userName: 'admin',
        userPassword: 'admin123',
        port: 80,
        discoveryMethod: 2,
        online: true,
      },
    ],
    discovered: [
      { uuid: SEED_IDS.panelA, snCode: SEED_IDS.panelASn, deviceType: 2, deviceModel: 40, discoveryMethod: 1, gmtCreate: at - 2 * 60 * 60_000, ipAddress: '192.0.2.21' },
      { uuid: SEED_IDS.panelB, snCode: SEED_IDS.panelBSn, deviceType: 2, deviceModel: 34, discoveryMethod: 1, gmtCreate: at - 60 * 60_000, ipAddress: '192.0.2.22' },
    ],
    groups: [{ uuid: SEED_IDS.staffGroup, name: '员工组', type: 1 }],
    schedules: [allDaySchedule()],
    persons: [
      { uuid: SEED_IDS.zhangSan, name: '张三', type: 1, sex: 1, code: 'E1001', phone: '13800000001', identifyNum: '110101199003071234', cardNum: '10001001', groupList: [SEED_IDS.staffGroup], createdAt: at - 30 * DAY },
      { uuid: SEED_IDS.liSi, name: '李四', type: 1, sex: 2, code: 'E1002', phone: '13800000002', groupList: [SEED_IDS.staffGroup], createdAt: at - 20 * DAY },
      {
        uuid: SEED_IDS.wangWu,
        name: '王五',
        type: 2,
        sex: 1,
        phone: '13900000003',
        visitFirm: '监理公司',
        visitReason: '验收',
        visitType: 1,
        visitedUuid: SEED_IDS.zhangSan,
        visitStartTimeStamp: at - 60 * 60_000,
        visitEndTimeStamp: at + 8 * 60 * 60_000,
        createdAt: at - 60 * 60_000,
      },
    ],
    authorities: [],
    subscriptions: [],
  };
}

/** A platform with nothing on it. */
export function emptySeed(): SiteSeed {
  return { platform: PLATFORM, organisation: ORGANISATION, devices: [], discovered: [], groups: [], schedules: [], persons: [], authorities: [], subscriptions: [] };
}
