import { body } from '../../endpoint-table.ts';
import { noData, page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { paging, str } from '../field-types.ts';
import { CreatedSchema, DepartmentSchema } from '../records.ts';

const GROUP = '部门管理 / departments';

const details = [
  body('linkername', str(50), false, '负责人名称 person in charge'),
  body('linkerphone', str(50), false, '负责人手机 their mobile'),
  body('parentno', str(50), false, '上级部门编号 parent department number'),
  body('remark', str(100), false, '备注 remark'),
];

/** 部门管理: department.create … department.list. */
export const departmentEndpoints: readonly K30Endpoint[] = [
  {
    id: 'department.create', method: 'POST', path: '/openapi/department/Create',
    section: '6', title: '创建部门 / create department', group: GROUP,
    body: 'json-object', reply: 'object', data: CreatedSchema,
    fields: [body('name', str(50), true, '部门名称 name'), ...details],
  },
  {
    id: 'department.update', method: 'POST', path: '/openapi/department/Update',
    section: '7', title: '修改部门 / update department', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '部门编号 department number'), body('name', str(50), true, '部门名称 name'), ...details],
  },
  {
    id: 'department.delete', method: 'POST', path: '/api/v2/department/Delete',
    section: '8', title: '删除部门 / delete department', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '部门编号 department number')],
    notes: [
      'doc URL literally http://服务器地址/api/v2/department/Delete: the one path not under /openapi/ (E11); kept as printed.',
      'The /openapi/department/Delete the pattern suggests is not documented: not tried.',
    ],
  },
  {
    id: 'department.list', method: 'POST', path: '/openapi/department/getlist',
    section: '9', title: '查询部门列表 / list departments', group: GROUP,
    body: 'json-object', reply: 'page', data: page(DepartmentSchema),
    fields: [...paging(), body('no', str(32), false, '部门编号 department number'), body('name', str(32), false, '部门名称 name')],
  },
];
