import type { alarmsMethods } from '../../shared/contract/alarms.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { AlarmsService } from './alarms-service.ts';

/** The `alarms.*` methods (shared/contract/alarms.ts). */
export function alarmsHandlers(alarms: AlarmsService): AreaHandlers<typeof alarmsMethods> {
  return {
    'alarms.list': ({ siteId, open, from, to, limit }) => ({ alarms: alarms.list({ siteId, open, from, to, limit }) }),
    'alarms.ack': ({ id, note, as }) => alarms.ack(id, note, as),
    'alarms.count': ({ siteId }) => ({ open: alarms.count(siteId) }),
    'alarms.settings': () => alarms.settings(),
    'alarms.setSettings': (changes) => alarms.setSettings(changes),
  };
}
