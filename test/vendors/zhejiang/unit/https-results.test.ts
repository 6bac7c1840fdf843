import { describe, expect, it } from 'vitest';
import { needsReauthentication, recoveryOfError } from '../../../../electron/drivers/zhejiang/https-errors.ts';
import { platformError } from '../../../../electron/drivers/zhejiang/errors.ts';
import { readFirmware, readPersonIds, readPersonsPage, readTasks } from '../../../../electron/drivers/zhejiang/https-results.ts';

/** The readers of the §3 replies (https-results.ts): loose shapes taken, nothing thrown. */
describe('Zhejiang HTTPS replies read', () => {
  it('T_GET_TASKS: ids as strings or numbers, the param a string (read leniently) or an object, broken entries left out', () => {
    const tasks = readTasks({
      tasks: [
        { taskid: '6543831380287827968', apicode: 'T_POST_DEVICE_PERSON', param: '{excludeFields:["phone"]}' },
        { taskid: 42, apicode: 'T_CLEAR_DEVICE_PERSON' },
        { taskId: 'x1', apicode: 'T_UPDATE_DEVICE_VERSION', param: { version: 'v2', downloadUrl: 'u' } },
        { apicode: 'T_SEND_PERSON' },
        'junk',
        { taskid: 'bad', apicode: 'T_SEND_PERSON', param: 'not json {' },
      ],
    });
    expect(tasks).toEqual([
      { taskid: '6543831380287827968', apicode: 'T_POST_DEVICE_PERSON', param: { excludeFields: ['phone'] }, paramText: '{excludeFields:["phone"]}' },
      { taskid: '42', apicode: 'T_CLEAR_DEVICE_PERSON', param: undefined, paramText: undefined },
      { taskid: 'x1', apicode: 'T_UPDATE_DEVICE_VERSION', param: { version: 'v2', downloadUrl: 'u' }, paramText: '{"version":"v2","downloadUrl":"u"}' },
      { taskid: 'bad', apicode: 'T_SEND_PERSON', param: undefined, paramText: 'not json {' },
    ]);
    expect(readTasks(undefined)).toEqual([]);
  });

  it('a page of workers: counts as numbers or digit strings, the page asked when the reply names none, imgUrls or imgUrIs', () => {
    const page = readPersonsPage({ currentPage: '2', totalPage: '3', data: [{ personId: 'p1', name: 'A', imgUrIs: ['u1'] }, { personId: 7, imgUrls: 'u2' }, { name: 'no id' }] }, 2);
    expect(page.currentPage).toBe(2);
    expect(page.totalPage).toBe(3);
    expect(page.persons.map((p) => [p.personId, p.name, p.imgUrls])).toEqual([
      ['p1', 'A', ['u1']],
      ['7', '', ['u2']],
    ]);
    expect(readPersonsPage(undefined, 4)).toEqual({ currentPage: 4, totalPage: 4, persons: [] });
  });

  it('personIds as a list or a comma-separated string; a firmware descriptor only when complete (D16)', () => {
    expect(readPersonIds({ personIds: ['a', 2, ''] })).toEqual(['a', '2']);
    expect(readPersonIds({ personIds: 'a, b,' })).toEqual(['a', 'b']);
    expect(readPersonIds('{personIds:["z"]}')).toEqual(['z']);
    expect(readFirmware({ version: 'v2', size: '1024', downloadUrl: 'https://x/fw' })).toEqual({ version: 'v2', size: 1024, downloadUrl: 'https://x/fw' });
    expect(readFirmware({ version: 'v2' })).toBeUndefined();
    expect(readFirmware(undefined)).toBeUndefined();
  });

  it('the re-authenticate signal: 401_01 and 400_04 yes, 500_01 and 401_02 no (D12)', () => {
    expect(needsReauthentication(platformError({ errorcode: '401_01', errmsg: 'token 不存在' }, 'T_GET_TASKS'))).toBe(true);
    expect(needsReauthentication(platformError({ errorcode: '400_04', errmsg: '' }, 'T_GET_TASKS'))).toBe(true);
    expect(recoveryOfError(platformError({ errorcode: '500_01', errmsg: '' }, 'T_GET_TASKS'))).toBe('backoff');
    expect(recoveryOfError(platformError({ errorcode: '401_02', errmsg: '' }, 'T_GET_TASKS'))).toBe('stop');
    expect(needsReauthentication(new Error('401_01'))).toBe(false);
  });
});
