import type { AdminRoutes } from '../common/admin.ts';
import { jsonAnswer } from '../common/http-replies.ts';
import type { ZhejiangSimulator } from './simulator.ts';
import { parseTaskInput } from './tasks.ts';

/**
 * The Zhejiang simulator's own routes (common/admin.ts: `Authorization: Bearer <adminToken>`):
 *
 *   POST /__sim/tasks        {sn, apicode, workers?: [{personId, name, photo?: ok|broken|none}], personIds?, param?, taskid?} → the task
 *   GET  /__sim/tasks        the tasks queued
 *   GET  /__sim/statuses     T_UPDATE_TASKS_STATUS as received (duplicate / unknownTask flagged)
 *   GET  /__sim/sign-ins     C_SIGN_IN records (duplicate flagged)
 *   GET  /__sim/uploads      T_POST_DEVICE_PERSON pages
 *   GET  /__sim/devices      each device: online, last heartbeat
 *   GET  /__sim/exchanges    the HTTPS and TCP requests answered, with their error codes
 *   POST /__sim/switches     {imgUrlsKey: imgUrls|imgUrIs} (E34)
 *   GET  /__sim/faults       the faults in force and the HTTPS requests a stall holds
 *   POST /__sim/faults       {kind: http-5xx | system-error | wrong-sign | stall | drop-tcp | revoke | forget-tokens}
 *   DELETE /__sim/faults     every fault off
 */
const FAULT_KINDS = ['http-5xx', 'system-error', 'wrong-sign', 'stall', 'drop-tcp', 'revoke', 'forget-tokens'] as const;

export function zhejiangAdminRoutes(sim: ZhejiangSimulator): AdminRoutes {
  return {
    'POST /__sim/tasks': ({ body }) => jsonAnswer(sim.queueTask(parseTaskInput(body()))),
    'GET /__sim/tasks': () => jsonAnswer(sim.tasks.all()),
    'GET /__sim/statuses': () => jsonAnswer(sim.statuses),
    'GET /__sim/sign-ins': () => jsonAnswer(sim.signIns.map(({ param, ...rest }) => ({ ...rest, paramBytes: Buffer.byteLength(param) }))),
    'GET /__sim/uploads': () => jsonAnswer(sim.uploads),
    'GET /__sim/devices': () => jsonAnswer(sim.devices.map((sn) => ({ sn, online: sim.tcp.isOnline(sn), lastHeartbeatAt: sim.tcp.lastHeartbeatAt(sn) ?? null }))),
    'GET /__sim/exchanges': () => jsonAnswer({ https: sim.exchanges, tcp: sim.tcp.exchanges }),
    'POST /__sim/switches': ({ body }) => {
      const key = (body() as Record<string, unknown>)['imgUrlsKey'];
      if (key !== 'imgUrls' && key !== 'imgUrIs') throw new Error('imgUrlsKey: imgUrls or imgUrIs');
      sim.setImgUrlsKey(key);
      return jsonAnswer({ imgUrlsKey: key });
    },
    'POST /__sim/faults': ({ body }) => {
      const kind = (body() as Record<string, unknown>)['kind'];
      switch (kind) {
        case 'http-5xx':
          sim.faults.http5xx = true;
          break;
        case 'system-error':
          sim.faults.systemError = true;
          break;
        case 'wrong-sign':
          sim.faults.wrongSign = true;
          break;
        case 'stall':
          sim.stall(true);
          break;
        case 'drop-tcp':
          sim.tcp.dropConnections();
          break;
        case 'revoke':
          sim.tcp.revoke();
          break;
        case 'forget-tokens':
          sim.tcp.forgetTokens();
          break;
        default:
          throw new Error(`kind: one of ${FAULT_KINDS.join(', ')}`);
      }
      return jsonAnswer({ kind });
    },
    'GET /__sim/faults': () => jsonAnswer({ ...sim.faults, revoked: sim.tcp.isRevoked(), stalledRequests: sim.stalledRequests() }),
    'DELETE /__sim/faults': () => {
      sim.clearFaults();
      return jsonAnswer({ cleared: 'all' });
    },
  };
}
