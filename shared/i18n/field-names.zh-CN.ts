/** A person's fields by name: the Enroll and Edit forms' labels, and the field named in an input problem. */
export const personFieldNamesZhCN = {
  pin: '工号',
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  gender: '性别',
  department: '部门',
  cardNo: '卡号',
  validFrom: '有效期起',
  validTo: '有效期止',
};

/** 中文：输入问题所指字段的名称（问题 12 第 17 项）：提示“身份证号：…”，而不是路径 `person.idNumber`。 */
export const fieldNamesZhCN = {
  fieldNames: {
    person_name: '姓名',
    // A person's fields; `name` alone is any other name (a site's, a backend's).
    ...personFieldNamesZhCN,
    name: '名称',
    baseUrl: '服务器地址',
    token: '访问令牌',
    appKey: 'cappkey',
    secretKey: 'secretKey',
    companyNo: '企业编号',
    fingerprint256: 'SHA-256 指纹',
  },
  /** One input problem, and between two, in this language's punctuation. */
  fieldIssue: { line: '{{field}}：{{problem}}', separator: '；' },
};
