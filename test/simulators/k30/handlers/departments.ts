import { ApiFailure, ok } from '../reply.ts';
import { contains, same } from '../request.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { DepartmentRecord } from '../state.ts';

/**
 * 部门管理 (department.create / update / delete / list). department.delete answers at the
 * document's `/api/v2/department/Delete` (catalog.ts, E11).
 *
 * The simulator's choices where the document is silent: `parentno` must name another department
 * and may not make a cycle; two departments under the same parent may not share a name; a
 * department with sub-departments or people is not deleted; update keeps the optional fields it
 * is not given. list: `no` exact, `name` fuzzy (the table gives no match rule).
 */
function existing(req: ApiRequest, ctx: SimContext): DepartmentRecord {
  const no = req.need('no');
  const department = ctx.state.departments.get(no);
  if (!department) throw new ApiFailure(`部门不存在(no: ${no})`);
  return department;
}

function checkParent(ctx: SimContext, self: string | undefined, parentno: string): void {
  if (parentno === '') return;
  if (!ctx.state.departments.has(parentno)) throw new ApiFailure(`上级部门不存在(parentno: ${parentno})`);
  for (let at: string | undefined = parentno; at !== undefined && at !== ''; at = ctx.state.departments.get(at)?.parentno) {
    if (at === self) throw new ApiFailure('上级部门不能是自己或下级部门');
  }
}

function checkName(ctx: SimContext, self: string | undefined, name: string, parentno: string): void {
  for (const other of ctx.state.departments.values()) {
    if (other.no !== self && other.parentno === parentno && other.name === name) throw new ApiFailure(`部门名称已存在(name: ${name})`);
  }
}

const create: Handler = (req, ctx) => {
  const name = req.need('name');
  const parentno = req.text('parentno') ?? '';
  checkParent(ctx, undefined, parentno);
  checkName(ctx, undefined, name, parentno);
  const department: DepartmentRecord = {
    no: ctx.state.nextNo(ctx.now().getTime()),
    name,
    linkername: req.text('linkername') ?? '',
    linkerphone: req.text('linkerphone') ?? '',
    parentno,
    remark: req.text('remark') ?? '',
    devices: [],
  };
  ctx.state.departments.set(department.no, department);
  return ok(req.entry, { no: department.no });
};

const update: Handler = (req, ctx) => {
  const department = existing(req, ctx);
  const name = req.need('name');
  const parentno = req.text('parentno') ?? department.parentno;
  checkParent(ctx, department.no, parentno);
  checkName(ctx, department.no, name, parentno);
  department.name = name;
  department.parentno = parentno;
  department.linkername = req.text('linkername') ?? department.linkername;
  department.linkerphone = req.text('linkerphone') ?? department.linkerphone;
  department.remark = req.text('remark') ?? department.remark;
  return ok(req.entry);
};

const remove: Handler = (req, ctx) => {
  const department = existing(req, ctx);
  if ([...ctx.state.departments.values()].some((other) => other.parentno === department.no)) throw new ApiFailure('部门下存在子部门，不能删除');
  if ([...ctx.state.people.values()].some((person) => person.deptno === department.no)) throw new ApiFailure('部门下存在人员，不能删除');
  ctx.state.departments.delete(department.no);
  return ok(req.entry);
};

/** Items in the order of the document's example. */
const list: Handler = (req, ctx) => {
  const no = req.text('no');
  const name = req.text('name');
  const items = [...ctx.state.departments.values()]
    .filter((department) => same(department.no, no) && contains(department.name, name))
    .map((department) => ({
      no: department.no,
      name: department.name,
      companyno: ctx.state.companyNo,
      linkername: department.linkername,
      linkerphone: department.linkerphone,
      remark: department.remark,
      parentno: department.parentno,
    }));
  return ok(req.entry, req.page(items));
};

export const DEPARTMENT_HANDLERS: Readonly<Record<string, Handler>> = {
  'department.create': create,
  'department.update': update,
  'department.delete': remove,
  'department.list': list,
};
