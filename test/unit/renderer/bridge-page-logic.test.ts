import { describe, expect, it } from 'vitest';
import { DEVICE_RUN_STATES, BRIDGE_TASK_STATES, type Bridge, type BridgeState } from '../../../shared/contract/bridges.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { countsChanged } from '../../../renderer/src/stores/bridge.ts';
import { advancedFormOf, checkAdvancedForm, checkBridgeForm, EMPTY_BRIDGE_FORM, formOf, isPlainHttp } from '../../../renderer/src/stores/bridge-form.ts';
import { apicodeWords, DEVICE_STATE_TONES, durationWords, failedEntries, SWITCH_CHOICES, TASK_STATE_TONES } from '../../../renderer/src/stores/bridge-words.ts';

const en = createTranslator('en').t;
const zh = createTranslator('zh-CN').t;

const BRIDGE: Bridge = {
  id: 3,
  siteId: 1,
  name: 'Platform',
  tcpHost: '10.0.0.5',
  tcpPort: 9000,
  httpsUrl: 'https://platform.example/api/device',
  plainHttp: false,
  tls: 'pinned',
  credentialFields: ['accessId', 'accessKey', 'accessSecret'],
  settings: {
    switches: { httpsParamEncoding: 'object', imgSignMode: 'delete', deviceIpKey: 'deviceIp', taskStatusIdKey: 'taskid', attendanceTypeAs: 'string' },
    layout: 'A',
    fieldNumbers: { requests: {}, responses: { C_AUTH: { token: 7 } } },
    responseSignCheck: 'warn',
    heartbeatSeconds: 30,
    maxFrameBytes: 4 * 1024 * 1024,
    deviceVersion: '1.0',
  },
  enabled: true,
  createdAt: '2026-12-08T00:00:00.000Z',
  updatedAt: '2026-12-08T00:00:00.000Z',
};

const FILLED = { ...EMPTY_BRIDGE_FORM, tcp: '10.0.0.5:9000', url: 'https://platform.example/api/device', accessId: 'id', accessKey: 'key', accessSecret: 'secret' };

describe('Bridge page words', () => {
  it('names each task apicode in words in both languages; an unknown one as it came; none yet as not fetched', () => {
    const send = apicodeWords('T_SEND_PERSON');
    expect(en(send.key)).toBe('Load workers');
    expect(zh(send.key)).toBe('下发人员');
    expect(zh(apicodeWords('T_CLEAR_DEVICE_PERSON').key)).toBe('清空人员');
    const unknown = apicodeWords('T_NEW_THING');
    expect(en(unknown.key, unknown.values ?? {})).toBe('Unknown task T_NEW_THING');
    expect(en(apicodeWords(null).key)).toBe('Not fetched yet');
  });

  it('gives every device and task state a tone and words in both languages; failures are bad, online ok', () => {
    expect(DEVICE_STATE_TONES.online).toBe('ok');
    expect(DEVICE_STATE_TONES.revoked).toBe('bad');
    expect(DEVICE_STATE_TONES.backoff).toBe('warn');
    expect(TASK_STATE_TONES.failed).toBe('bad');
    for (const state of DEVICE_RUN_STATES) {
      expect(en(`bridgePage.state.status.${state}`)).not.toContain('bridgePage');
      expect(zh(`bridgePage.state.status.${state}`)).not.toBe(en(`bridgePage.state.status.${state}`));
    }
    for (const state of BRIDGE_TASK_STATES) expect(zh(`bridgeWork.state.${state}`)).not.toContain('bridgeWork');
  });

  it('says durations in their largest whole unit, ago and as an age', () => {
    const say = (ms: number, kind: 'ago' | 'age', t = en) => {
      const w = durationWords(ms, kind);
      return t(w.key, w.values);
    };
    expect(say(12_400, 'ago')).toBe('12 s ago');
    expect(say(12_400, 'ago', zh)).toBe('12 秒前');
    expect(say(125_000, 'ago')).toBe('2 min ago');
    expect(say(2 * 86_400_000, 'ago')).toBe('2 days ago');
    expect(say(86_400_000, 'age')).toBe('1 day');
    expect(say(3 * 3600_000 + 5, 'age')).toBe('3 h');
    expect(say(-50, 'ago')).toBe('0 s ago');
  });

  it('reads failedPersons / failedFaces as the platform shapes them (§5.3)', () => {
    expect(failedEntries([{ personId: '1', errCode: '404_1' }, { personId: 2, errCode: '404_2' }, 'odd'])).toEqual([
      { personId: '1', code: '404_1' },
      { personId: '2', code: '404_2' },
      { personId: 'odd', code: '' },
    ]);
  });

  it('has a reason for each codec switch in both languages, naming its decision', () => {
    for (const name of Object.keys(SWITCH_CHOICES)) {
      expect(en(`bridgePage.advanced.reason.${name}`)).toMatch(/^D\d+: /);
      expect(zh(`bridgePage.advanced.reason.${name}`)).toMatch(/^D\d+：/);
    }
  });
});

describe('Bridge settings form', () => {
  it('asks for every credential when adding, and refuses a bad address or URL with the reason in the user language', () => {
    const bad = checkBridgeForm({ ...EMPTY_BRIDGE_FORM, tcp: '10.0.0.5', url: 'ftp://x' }, 1, null);
    expect(bad.add).toBeNull();
    expect(Object.keys(bad.issues).sort()).toEqual(['accessId', 'accessKey', 'accessSecret', 'tcp', 'url']);
    expect(zh(bad.issues.tcp!.key)).toContain('主机:端口');
    expect(en(bad.issues.accessSecret!.key, bad.issues.accessSecret!.values ?? {})).toBe('Enter the accessSecret the platform issued (at most 256 characters).');
  });

  it('builds bridge.add from a filled form; http:// is accepted and flagged', () => {
    const { add, issues } = checkBridgeForm({ ...FILLED, url: 'http://127.0.0.1:8080/api/device', tls: 'accept-any' }, 1, null);
    expect(issues).toEqual({});
    expect(add).toEqual({ siteId: 1, tcp: '10.0.0.5:9000', httpsUrl: 'http://127.0.0.1:8080/api/device', tls: { mode: 'accept-any' }, credentials: { accessId: 'id', accessKey: 'key', accessSecret: 'secret' }, enabled: true });
    expect(isPlainHttp('http://x')).toBe(true);
    expect(isPlainHttp('https://x')).toBe(false);
  });

  it('needs a fingerprint for a pinned check: 64 hex digits', () => {
    expect(checkBridgeForm({ ...FILLED, tls: 'pinned', fingerprint: 'abc' }, 1, null).issues.fingerprint?.key).toBe('bridgePage.validation.fingerprint');
    const fp = 'AB:'.repeat(31) + 'CD';
    expect(checkBridgeForm({ ...FILLED, tls: 'pinned', fingerprint: fp }, 1, null).add?.tls).toEqual({ mode: 'pinned', fingerprint256: fp });
  });

  it('editing: credentials never read back; empty ones and an empty pinned fingerprint keep the stored ones', () => {
    const form = formOf(BRIDGE);
    expect(form).toMatchObject({ tcp: '10.0.0.5:9000', accessId: '', accessKey: '', accessSecret: '', fingerprint: '', tls: 'pinned' });
    const { update, issues } = checkBridgeForm(form, 1, BRIDGE);
    expect(issues).toEqual({});
    expect(update).toEqual({ id: 3, tcp: '10.0.0.5:9000', httpsUrl: BRIDGE.httpsUrl, enabled: true });
    const replaced = checkBridgeForm({ ...form, accessSecret: 'new-secret', tls: 'verify' }, 1, BRIDGE).update;
    expect(replaced).toMatchObject({ credentials: { accessSecret: 'new-secret' }, tls: { mode: 'verify' } });
  });
});

describe('Bridge advanced form', () => {
  it('round-trips the stored settings into a change', () => {
    const { change, issues } = checkAdvancedForm(advancedFormOf(BRIDGE));
    expect(issues).toEqual({});
    expect(change).toEqual(BRIDGE.settings);
  });

  it('holds heartbeat and frame size to the contract bounds and field numbers to JSON of whole numbers', () => {
    const form = { ...advancedFormOf(BRIDGE), heartbeatSeconds: '60', maxFrameBytes: '12', requests: '{"C_AUTH": {"sign": 0}}', responses: 'not json' };
    const { change, issues } = checkAdvancedForm(form);
    expect(change).toBeNull();
    expect(en(issues.heartbeatSeconds!.key, issues.heartbeatSeconds!.values ?? {})).toBe('Enter a whole number from 5 to 55.');
    expect(zh(issues.maxFrameBytes!.key, issues.maxFrameBytes!.values ?? {})).toBe('请填写 1,024 到 67,108,864 之间的整数。');
    expect(issues.requests?.key).toBe('bridgePage.validation.fieldNumbers');
    expect(issues.responses?.key).toBe('bridgePage.validation.fieldNumbers');
  });
});

describe('Bridge store: reading again on events', () => {
  const state = (openTasks: number, queueDepth: number): BridgeState => ({
    bridgeId: 1,
    running: true,
    devices: [{ deviceId: 1, sn: 'A', status: 'online', lastHeartbeatAt: 1, tokenAgeMs: 1, queueDepth, openTasks, lastError: null }],
  });
  it('reads the history and queue again only when a device’s counts or last error changed, not on every heartbeat', () => {
    expect(countsChanged(null, state(0, 0))).toBe(true);
    expect(countsChanged(state(0, 0), { ...state(0, 0), devices: [{ ...state(0, 0).devices[0]!, lastHeartbeatAt: 99 }] })).toBe(false);
    expect(countsChanged(state(0, 0), state(1, 0))).toBe(true);
    expect(countsChanged(state(1, 2), state(1, 1))).toBe(true);
  });
});
