import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../../support/cli.ts';

/**
 * `sign zhejiang` from the CLI as a process (issue 16 item 1 / item 6): the digest's vectors V1 and
 * V3 (zhejiang.md §8.2) and a §8.3 response, for settling 400_04 with the platform operator.
 */
const SECRET = '93f6218530984c32a3bf2b3d03dcb417';
const TOKEN = '696e8019b6fe4dbcb7e5ced91a1c771c';

function signZhejiang(apicode: string, fields: unknown, ...more: string[]) {
  return runCliProcess(['sign', 'zhejiang', '--apicode', apicode, '--fields', typeof fields === 'string' ? fields : JSON.stringify(fields), '--secret', SECRET, ...more]);
}

describe('sign zhejiang', () => {
  it('V1: C_AUTH, the string to sign and the MD5 as JSON', () => {
    const run = signZhejiang(
      'C_AUTH',
      { version: 'v1.0.0', sn: '1388186', accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', timeStamp: '20210328031608', param: { extendSn: '', deviceVersion: 'v14.8.7LM.S2.e2-1.180.7.23' } },
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const signed = JSON.parse(run.stdout) as { stringToSign: string; sign: string; paramText: string };
    expect(signed.paramText).toBe('{"deviceVersion":"v14.8.7LM.S2.e2-1.180.7.23","extendSn":""}');
    expect(signed.stringToSign).toBe(`v1.0.01388186C_AUTHe752cf16af1c462a9859d565ebaac6c7a9f88d5b5f4e4c94962ee3feaa85cdc320210328031608{"deviceVersion":"v14.8.7LM.S2.e2-1.180.7.23","extendSn":""}${SECRET}`);
    expect(signed.sign).toBe('1044e13f927d44509c03c0a09b123b16');
  });

  it('V3: C_SIGN_IN with the param as typed text, printing the param sent, the param signed (no img) and the sign', () => {
    const param = '{"personId":"4508004291609636864","type":"1","img":"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD","recordTime":1609744974000,"temperature":36.7}';
    const run = signZhejiang('C_SIGN_IN', { version: 'v1.0.0', sn: '1388186', token: TOKEN, timeStamp: '20210328031608', param, sign: 'ignored' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`param:        ${param}`);
    expect(run.stdout).toContain('param signed: {"personId":"4508004291609636864","type":"1","recordTime":1609744974000,"temperature":36.7}');
    expect(run.stdout).toContain('sign:         3c02f0abcf623066cf58f59daa20e0f9');
    const empty = signZhejiang('C_SIGN_IN', { version: 'v1.0.0', sn: '1388186', token: TOKEN, timeStamp: '20210328031608', param }, '--img-sign', 'empty-string');
    expect(empty.stdout).toContain('param signed: {"personId":"4508004291609636864","type":"1","img":"","recordTime":1609744974000,"temperature":36.7}');
  });

  it('a response (fields with success): the T_GET_TASKS vector of §8.3', () => {
    const run = signZhejiang('T_GET_TASKS', { version: 'v1.0.0', success: true, response: { tasks: [{ taskid: '6541951958563696640', apicode: 'T_UPDATE_DEVICE_PERSON' }] } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('sign:         736c1db74cc81d0594e9f322d5f219dc');
    const del = signZhejiang('T_DEL_DEVICE_PERSON', { version: 'v1.0.0', success: true, taskid: '1', response: { personIds: ['a'] } }, '--json');
    expect((JSON.parse(del.stdout) as { signs: { variant: string }[] }).signs.map((s) => s.variant)).toEqual(['as-written', 'with-response']);
  });

  it('refuses what it cannot sign as an input error, in the user’s language', () => {
    const unknown = signZhejiang('C_LOGIN', {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--apicode "C_LOGIN": choose one of C_AUTH, C_HEARTBEAT, C_SIGN_IN');
    expect(signZhejiang('C_AUTH', '[1]').stderr).toContain('--fields must be a JSON object');
    expect(signZhejiang('C_AUTH', '{"sn":{"a":1}}', '--lang', 'zh-CN').stderr).toContain('“sn”须为文本或数字');
    expect(signZhejiang('T_GET_TASKS', '{"success":"yes"}').stderr).toContain('success must be true or false');
    expect(signZhejiang('C_AUTH', '{}', '--img-sign', 'cut').stderr).toContain('--img-sign "cut": choose one of delete, empty-string');
    expect(runCliProcess(['sign', 'zhejiang', '--apicode', 'C_AUTH', '--secret', SECRET]).code).toBe(2);
  });

  it('is in --help', () => {
    expect(runCliProcess(['--help']).stdout).toMatch(/zhejiang --apicode <C_AUTH[^\n]*--secret <accessSecret>/);
  });
});
