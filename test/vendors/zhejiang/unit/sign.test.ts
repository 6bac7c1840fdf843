import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { allApicodeSpecs } from '../../../../electron/drivers/zhejiang/endpoints.ts';
import { codecOptions } from '../../../../electron/drivers/zhejiang/options.ts';
import { heartbeatParam, signInParam, taskStatusParam } from '../../../../electron/drivers/zhejiang/params.ts';
import { checkResponseSign, md5Hex, responseSigns, signRequest } from '../../../../electron/drivers/zhejiang/sign.ts';

/**
 * The Zhejiang signs (electron/drivers/zhejiang/sign.ts) against the digest's self-made vectors
 * (zhejiang.md §8.2 V1–V3 and §8.3): the document's own example sign is a placeholder no reading
 * reproduces (§8.1, E11), so these are all the vectors there are.
 */
const SECRET = '93f6218530984c32a3bf2b3d03dcb417';
const TOKEN = '696e8019b6fe4dbcb7e5ced91a1c771c';
const BASE = { version: 'v1.0.0', sn: '1388186' } as const;
const TASK = '6541951958563696640';

describe('Zhejiang request signs (§2.1.2, §2.2.2, §2.3.2; D1, D2, D4)', () => {
  it('V1: C_AUTH signs version+sn+apicode+accessId+accessKey+timeStamp+param+accessSecret', () => {
    const signed = signRequest(
      {
        ...BASE,
        apicode: 'C_AUTH',
        accessId: 'e752cf16af1c462a9859d565ebaac6c7',
        accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3',
        timeStamp: '20210328031608',
        param: { deviceVersion: 'v14.8.7LM.S2.e2-1.180.7.23', extendSn: '' },
      },
      SECRET,
    );
    expect(signed.stringToSign).toBe(
      'v1.0.01388186C_AUTHe752cf16af1c462a9859d565ebaac6c7a9f88d5b5f4e4c94962ee3feaa85cdc320210328031608{"deviceVersion":"v14.8.7LM.S2.e2-1.180.7.23","extendSn":""}93f6218530984c32a3bf2b3d03dcb417',
    );
    expect(signed.sign).toBe('1044e13f927d44509c03c0a09b123b16');
  });

  it('V2: C_HEARTBEAT signs version+sn+token+apicode+timeStamp+param+accessSecret, deviceIp spelled as D5 says', () => {
    const signed = signRequest({ ...BASE, token: TOKEN, apicode: 'C_HEARTBEAT', timeStamp: '20210328031608', param: heartbeatParam('v14.8.7LM.S2.e2-1.180.7.23', '192.168.1.11') }, SECRET);
    expect(signed.stringToSign).toBe(
      'v1.0.01388186696e8019b6fe4dbcb7e5ced91a1c771cC_HEARTBEAT20210328031608{"deviceVersion":"v14.8.7LM.S2.e2-1.180.7.23","deviceIp":"192.168.1.11"}93f6218530984c32a3bf2b3d03dcb417',
    );
    expect(signed.sign).toBe('a3eab3a7f047ee952439608641a08491');
    // The switch sends the key as printed (E14) — and so signs another text.
    const printed = signRequest({ ...BASE, token: TOKEN, apicode: 'C_HEARTBEAT', timeStamp: '20210328031608', param: heartbeatParam('v1', '10.0.0.1', codecOptions({ deviceIpKey: 'devicelp' })) }, SECRET);
    expect(printed.paramText).toBe('{"deviceVersion":"v1","devicelp":"10.0.0.1"}');
  });

  it('V3: C_SIGN_IN leaves img out of the signed param, and sends it', () => {
    const param = signInParam({ personId: '4508004291609636864', type: 1, img: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD', recordTime: 1609744974000, temperature: 36.7 });
    const signed = signRequest({ ...BASE, token: TOKEN, apicode: 'C_SIGN_IN', timeStamp: '20210328031608', param }, SECRET);
    expect(signed.paramText).toBe('{"personId":"4508004291609636864","type":"1","img":"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD","recordTime":1609744974000,"temperature":36.7}');
    expect(signed.signedParamText).toBe('{"personId":"4508004291609636864","type":"1","recordTime":1609744974000,"temperature":36.7}');
    expect(signed.stringToSign).toBe(
      'v1.0.01388186696e8019b6fe4dbcb7e5ced91a1c771cC_SIGN_IN20210328031608{"personId":"4508004291609636864","type":"1","recordTime":1609744974000,"temperature":36.7}93f6218530984c32a3bf2b3d03dcb417',
    );
    expect(signed.sign).toBe('3c02f0abcf623066cf58f59daa20e0f9');
    // The negative check of V3: signing the param with img gives the sign that must not be produced.
    expect(md5Hex(`v1.0.01388186${TOKEN}C_SIGN_IN20210328031608${signed.paramText}${SECRET}`)).toBe('95b70005018854252dd3a5e9e8e844a3');
    expect(signed.sign).not.toBe('95b70005018854252dd3a5e9e8e844a3');
  });

  it('V3 without a photo: the texts sent and signed are the same; keys in table order whatever order they came in', () => {
    const signed = signRequest({ ...BASE, token: TOKEN, apicode: 'C_SIGN_IN', timeStamp: '20210328031608', param: { temperature: 36.7, recordTime: 1609744974000, type: '1', personId: '4508004291609636864', img: null } }, SECRET);
    expect(signed.paramText).toBe(signed.signedParamText);
    expect(signed.sign).toBe('3c02f0abcf623066cf58f59daa20e0f9');
  });

  it('D4 switch: the photo signed as an empty string instead of deleted', () => {
    const param = signInParam({ personId: '1', type: 1, img: 'AAAA', recordTime: 1 });
    const signed = signRequest({ ...BASE, token: TOKEN, apicode: 'C_SIGN_IN', timeStamp: '20210328031608', param }, SECRET, codecOptions({ imgSignMode: 'empty-string' }));
    expect(signed.signedParamText).toBe('{"personId":"1","type":"1","img":"","recordTime":1}');
  });

  it('D6 switch: the attendance type as a number, as the example writes it (E17)', () => {
    expect(signInParam({ personId: '1', type: 1, bitType: 3, recordTime: 5 }, codecOptions({ attendanceTypeAs: 'number' }))).toMatchObject({ type: 1, bitType: 3 });
    expect(signInParam({ personId: '1', type: 1, recordTime: 5, temperature: 36.66 })).toMatchObject({ type: '1', temperature: 36.7 });
  });
});

describe('Zhejiang HTTPS signs (§3; digest §8.3)', () => {
  const https = { ...BASE, token: TOKEN };

  it('T_GET_TASKS request', () => {
    const signed = signRequest({ ...https, apicode: 'T_GET_TASKS', param: { taskids: [TASK, '6541951958626611200'] } }, SECRET);
    expect(signed.stringToSign).toBe(`v1.0.01388186${TOKEN}T_GET_TASKS{"taskids":["6541951958563696640","6541951958626611200"]}${SECRET}`);
    expect(signed.sign).toBe('5216a544ee55b20649fb702129783c49');
  });

  it('T_SEND_PERSON request: taskId before apicode (E31)', () => {
    const signed = signRequest({ ...https, apicode: 'T_SEND_PERSON', taskid: TASK, param: { totalPage: 1, currentPage: 1 } }, SECRET);
    expect(signed.stringToSign).toBe(`v1.0.01388186${TOKEN}${TASK}T_SEND_PERSON{"currentPage":1,"totalPage":1}${SECRET}`);
    expect(signed.sign).toBe('31e38f59994413f87309faa074602a6d');
  });

  it('T_CLEAR_DEVICE_PERSON request: no param', () => {
    const signed = signRequest({ ...https, apicode: 'T_CLEAR_DEVICE_PERSON', taskid: TASK }, SECRET);
    expect(signed.stringToSign).toBe(`v1.0.01388186${TOKEN}${TASK}T_CLEAR_DEVICE_PERSON${SECRET}`);
    expect(signed.sign).toBe('62edd1df628b33a6d5bdb93255313064');
  });

  it('T_POST_DEVICE_PERSON request: each data[].img left out, the name signed as UTF-8', () => {
    const param = { currentPage: 1, totalPage: 1, data: [{ personId: '4508004291609636864', name: '张三', img: '/9j/4AAQ', hasImg: 1 }] };
    const signed = signRequest({ ...https, apicode: 'T_POST_DEVICE_PERSON', taskid: TASK, param }, SECRET);
    expect(signed.paramText).toBe('{"currentPage":1,"totalPage":1,"data":[{"personId":"4508004291609636864","name":"张三","img":"/9j/4AAQ","hasImg":1}]}');
    expect(signed.stringToSign).toBe(`v1.0.01388186${TOKEN}${TASK}T_POST_DEVICE_PERSON{"currentPage":1,"totalPage":1,"data":[{"personId":"4508004291609636864","name":"张三","hasImg":1}]}${SECRET}`);
    expect(signed.sign).toBe('7e03c614919291d4abf006014bdc598a');
  });

  it('T_GET_TASKS success response: version+success+response+accessSecret, over the response text as received', () => {
    const response = '{"tasks":[{"taskid":"6541951958563696640","apicode":"T_UPDATE_DEVICE_PERSON"}]}';
    const [worked] = responseSigns('T_GET_TASKS', { version: 'v1.0.0', success: true, response }, SECRET);
    expect(worked?.stringToSign).toBe(`v1.0.0true${response}${SECRET}`);
    expect(worked?.sign).toBe('736c1db74cc81d0594e9f322d5f219dc');
  });

  it('T_GET_TASKS / T_UPDATE_TASKS_STATUS failure response: response null, so skipped', () => {
    for (const apicode of ['T_GET_TASKS', 'T_UPDATE_TASKS_STATUS']) {
      const [worked] = responseSigns(apicode, { version: 'v1.0.0', success: false }, SECRET);
      expect(worked?.stringToSign).toBe(`v1.0.0false${SECRET}`);
      expect(worked?.sign).toBe('44e1afcea47aa116287479cf53092d19');
    }
  });

  it('T_UPDATE_TASKS_STATUS param: task ids under the key of D5, counts after the tasks', () => {
    const param = taskStatusParam([{ taskid: TASK, status: 2, failedPersons: [{ personId: '1', errCode: 'photo' }] }], 3, 2);
    expect(signRequest({ ...https, apicode: 'T_UPDATE_TASKS_STATUS', param }, SECRET).paramText).toBe(
      '{"task":[{"taskid":"6541951958563696640","status":2,"failedPersons":[{"personId":"1","errCode":"photo"}]}],"personCount":3,"faceCount":2}',
    );
    const alias = taskStatusParam([{ taskid: TASK, status: 1 }], 0, 0, codecOptions({ taskStatusIdKey: 'taskId' }));
    expect(signRequest({ ...https, apicode: 'T_UPDATE_TASKS_STATUS', param: alias }, SECRET).paramText).toBe('{"task":[{"taskId":"6541951958563696640","status":1}],"personCount":0,"faceCount":0}');
  });

  it('every request formula ends with accessSecret, and HTTPS ones have no timeStamp', () => {
    for (const spec of allApicodeSpecs()) {
      expect(spec.requestSign.at(-1), spec.apicode).toBe('accessSecret');
      expect(spec.requestSign.includes('timeStamp'), spec.apicode).toBe(spec.transport === 'tcp');
      if (spec.responseSign) expect(spec.responseSign.at(-1)).toBe('accessSecret');
    }
  });
});

describe('Zhejiang response sign check (D18: off | warn | strict, default warn)', () => {
  const response = '{"personIds":["a","b"]}';
  const asWritten = md5Hex(`v1.0.0true${TASK}${SECRET}`);
  const withResponse = md5Hex(`v1.0.0true${TASK}${response}${SECRET}`);
  const fields = { version: 'v1.0.0', success: true, taskid: TASK, response };

  it('§3.5: matches the formula as written (no response), and tells the variant with response apart', () => {
    expect(checkResponseSign('T_DEL_DEVICE_PERSON', fields, asWritten, SECRET, 'strict')).toMatchObject({ checked: true, variant: 'as-written' });
    expect(checkResponseSign('T_DEL_DEVICE_PERSON', fields, withResponse.toUpperCase(), SECRET, 'strict')).toMatchObject({ checked: true, variant: 'with-response' });
  });

  it('warn uses the reply with a warning in both languages; strict refuses it with advice; off checks nothing', () => {
    const warned = checkResponseSign('T_DEL_DEVICE_PERSON', fields, '2764b4eb71b60c9898e388e1eb8ccc02', SECRET, 'warn');
    expect(warned.variant).toBeUndefined();
    expect(warned.warning?.en).toContain('T_DEL_DEVICE_PERSON');
    expect(warned.warning?.['zh-CN']).toContain('签名');
    expect(() => checkResponseSign('T_DEL_DEVICE_PERSON', fields, undefined, SECRET, 'strict')).toThrow(DriverError);
    try {
      checkResponseSign('T_DEL_DEVICE_PERSON', fields, 'bad', SECRET, 'strict');
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad_credentials', vendor: 'zhejiang', endpoint: 'T_DEL_DEVICE_PERSON' });
      expect((error as DriverError).advice?.['zh-CN']).toContain('严格');
    }
    expect(checkResponseSign('T_DEL_DEVICE_PERSON', fields, 'bad', SECRET, 'off')).toEqual({ checked: false, enforced: false });
  });

  it('a failure response is never held to its sign, even in strict', () => {
    const verdict = checkResponseSign('T_GET_TASKS', { version: 'v1.0.0', success: false }, 'bad', SECRET, 'strict');
    expect(verdict).toMatchObject({ checked: true, enforced: false });
    expect(verdict.warning).toBeDefined();
  });

  it('TCP replies carry no sign: nothing to check', () => {
    expect(checkResponseSign('C_AUTH', { version: 'v1.0.0', success: true, response: '{}' }, undefined, SECRET, 'strict')).toEqual({ checked: false, enforced: false });
  });

  it('an apicode the document does not define is a typed error naming the known ones', () => {
    expect(() => signRequest({ ...BASE, apicode: 'C_LOGIN' }, SECRET)).toThrow(expect.objectContaining({ code: 'invalid_params', advice: expect.objectContaining({ en: expect.stringContaining('C_AUTH') }) }));
  });
});
