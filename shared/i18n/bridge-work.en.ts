/**
 * English: the access levels a bridge device's workers get (issue 16 item 3): `bridge device
 * add|update --level`, `bridge device list`, `bridge status`. Keys shared with bridge-work.zh-CN.ts;
 * spread into en.ts (top level).
 */
export const bridgeWorkEn = {
  bridgeWork: {
    levels: 'levels {{levels}}',
    backendLevels: '{{backend}}: {{ids}} ({{from}})',
    fromSet: 'set',
    fromDoors: 'covering its doors',
    noLevel:
      'No access level on backend {{backend}}: the platform’s workers would be enrolled there without access to the door. Give the device one: bridge device update {{bridge}} {{device}} --level {{backendId}}:<level-id> (ids: backend inventory {{backendId}}).',
    statusNoLevel: '    no access level on backend {{backend}}: workers are enrolled without access (bridge device update {{bridge}} {{device}} --level {{backendId}}:<level-id>)',
    state: {
      received: 'received',
      fetched: 'fetched',
      running: 'loading workers',
      syncing: 'waiting for the backends',
      done: 'done, to report',
      failed: 'failed, to report',
      unsupported: 'not supported, to report',
      reported: 'reported',
    },
    failedPerson: '    failed worker {{personId}} ({{errCode}}){{reason}}',
    failedFace: '    failed face {{personId}} ({{errCode}}){{reason}}',
    deviceUpdated: 'Device {{sn}} (#{{id}}) of bridge {{bridge}} now stands for {{doors}}; {{levels}}. Workers already enrolled keep their levels until a task sends them again.',
  },
};
