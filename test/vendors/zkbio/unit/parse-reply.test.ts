import { z } from 'zod';
import { listOf } from '../../../../electron/drivers/empty-list.ts';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import type { HttpReply } from '../../../../electron/drivers/http/http-transport.ts';
import { parseReply } from '../../../../electron/drivers/zkbio/reply.ts';
import { paged, type ZkbioEndpoint } from '../../../../electron/drivers/zkbio/envelope.ts';

const doorList: ZkbioEndpoint = {
  id: 'door.list.v2',
  method: 'GET',
  path: '/api/v2/door/list',
  section: '2.12.10',
  title: 'Get Door List (With Total Number)',
  group: 'Door',
  body: 'none',
  fields: [],
  reply: 'paged',
  data: paged(z.looseObject({ id: z.string(), name: z.string() })),
};
const retEndpoint: ZkbioEndpoint = { ...doorList, id: 'transaction.getDoorTransactions', reply: 'ret-envelope', data: z.unknown() };

function reply(text: string, status = 200, contentType = 'application/json;charset=UTF-8'): HttpReply {
  return { status, contentType, text, date: null, server: null };
}

function failure(fn: () => unknown): DriverError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DriverError) return error;
    throw error;
  }
  throw new Error('expected a DriverError');
}

describe('ZKBio reply parsing', () => {
  it('unwraps the document’s own paged example', () => {
    // 2.12.10's example shape: {code, message, data: {page, size, total, data, offset, lastPage}}.
    const text = JSON.stringify({ code: 0, message: 'success', data: { page: 0, size: 1, total: 1, data: [{ id: '402856aa6c3bbde1016c3bc2329200ff', name: '192.168.214.15-1', deviceId: 'x' }], offset: 0, lastPage: true } });
    expect(parseReply(doorList, reply(text))).toMatchObject({ total: 1, lastPage: true, data: [{ name: '192.168.214.15-1' }] });
  });

  it('turns code < 0 into the appendix error with advice in both languages', () => {
    const error = failure(() => parseReply(doorList, reply(JSON.stringify({ code: -47, message: "Door doesn't exist", data: null }))));
    expect(error.code).toBe('vendor_error');
    expect(error.vendorCode).toBe(-47);
    expect(error.advice?.en).toMatch(/Refresh the inventory/);
    expect(error.advice?.['zh-CN']).toMatch(/刷新清单/);
  });

  it('reads the ret-envelope of 2.19.13–2.19.15', () => {
    expect(parseReply(retEndpoint, reply(JSON.stringify({ ret: 'ok', msg: 'success', data: [1], i18nArgs: null, success: true })))).toEqual([1]);
    expect(failure(() => parseReply(retEndpoint, reply('{"ret":"fail","msg":"failed info","data":null,"i18nArgs":null}'))).code).toBe('vendor_error');
  });

  it('tells an HTML login page, truncated JSON, non-JSON, a wrong shape and an HTTP error apart', () => {
    expect(failure(() => parseReply(doorList, reply('<!DOCTYPE html><html><title>Login</title>', 200, 'text/html'))).code).toBe('not_json');
    expect(failure(() => parseReply(doorList, reply('{"code":0,"message":"success","data":{"page":0,"si'))).code).toBe('truncated_json');
    expect(failure(() => parseReply(doorList, reply('OK'))).code).toBe('not_json');
    expect(failure(() => parseReply(doorList, reply('{"code":0,"message":"success","data":{"rows":[]}}'))).code).toBe('schema_mismatch');
    expect(failure(() => parseReply(doorList, reply('{"result":"ok"}'))).code).toBe('schema_mismatch');
    expect(failure(() => parseReply(doorList, reply('Bad Gateway', 502, 'text/plain'))).code).toBe('http_status');
    expect(failure(() => parseReply(doorList, reply('{}', 401))).code).toBe('bad_credentials');
  });
});

describe('empty v1 lists', () => {
  it('read data: null, [] and an empty page as an empty list (the table’s listOf schema)', () => {
    const list: ZkbioEndpoint = { ...doorList, id: 'door.list', reply: 'array', data: listOf(z.unknown()) };
    for (const data of ['null', '[]', '{"total":0,"data":null}', '{"page":0,"size":0,"total":0,"data":[]}']) {
      expect(parseReply(list, reply(`{"code":0,"message":"success","data":${data}}`))).toEqual([]);
    }
    expect(parseReply(list, reply('{"code":0,"message":"success"}'))).toEqual([]);
  });
});
