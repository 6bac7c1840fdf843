/**
 * English: the Bridge page's devices, second round (issue 16 item 5): access levels per backend,
 * editing a device, the last pass the platform acknowledged and the last task. Keys shared with
 * bridge-devices.zh-CN.ts; spread into en.ts (top level). The level's origin words are bridgeWork.*.
 */
export const bridgeDevicesEn = {
  bridgeDevices: {
    levels: 'Access levels',
    levelsOf: '{{backend}}: {{levels}} ({{from}})',
    noLevelIds: 'none',
    noLevel: 'No access level on backend {{backend}}: the platform’s workers would be enrolled there without access to the door. Edit the device and pick one.',
    edit: 'Edit',
    editTitle: 'Edit device {{sn}}',
    levelsPick: 'Access levels on {{backend}}',
    levelsDefault: 'Tick none to give its workers the levels covering its doors.',
    noStoredLevels: 'Backend {{backend}} has no stored access levels: read its inventory on the Backends page.',
    save: 'Save device',
    cancel: 'Cancel',
    saved: 'Device {{sn}} saved. Workers already enrolled keep their levels until a task sends them again.',
    lastPass: 'Last pass reported',
    lastPassLine: '{{person}} at {{time}}, acknowledged {{acknowledged}}',
    since_one: '{{count}} acknowledged since the bridge started',
    since_other: '{{count}} acknowledged since the bridge started',
    noPass: 'none since the bridge started',
    lastTask: 'Last task',
    lastTaskLine: '{{what}}: {{state}}',
  },
};
