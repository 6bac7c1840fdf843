import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { resultMessage } from '../../../renderer/src/pages/door-tests/result-message.ts';
import { result } from './support/scripted-core.ts';

describe('a door test result’s message', () => {
  const zh = createTranslator('zh-CN');
  const en = createTranslator('en');

  it('uses the core’s advice in the user’s language', () => {
    const timedOut = { ...result({ runId: 'run-advice', doorId: 'a', verdict: 'timeout' }), advice: { en: 'Check the device.', 'zh-CN': '请检查设备。' } };
    expect(resultMessage(timedOut, 'zh-CN', zh.t)).toBe('请检查设备。');
    expect(resultMessage(timedOut, 'en', en.t)).toBe('Check the device.');
  });

  it('says a pass in the user’s language when the core gave only an English summary', () => {
    const passed = result({ runId: 'run-pass', doorId: 'a' });
    expect(resultMessage(passed, 'zh-CN', zh.t)).toBe('后台在发出命令 120 毫秒后上报了远程开门事件。');
    expect(resultMessage({ ...passed, test: 'walk', latencyMs: null }, 'en', en.t)).toBe('The backend reported the person at this door.');
  });

  it('falls back to the core’s message', () => {
    expect(resultMessage({ ...result({ runId: 'run-fail', doorId: 'a', verdict: 'fail' }), message: 'Door stayed closed.' }, 'zh-CN', zh.t)).toBe('Door stayed closed.');
  });
});
