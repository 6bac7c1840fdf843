/** 中文：CLI 的 `sign k30`（issue 14 第 7 项），键与 sign-k30.en.ts 相同；展开到 zh-CN.ts（顶层）。 */
export const signK30ZhCN = {
  signK30: {
    fieldsNotObject: '--fields 须为请求参数的 JSON 对象，例如 {"companyno":"…","timestamp":"…","data":{…}}。',
    fieldNotText: '--fields：“{{field}}”须为文本或数字（只有 data 可以是 JSON 对象）。',
    dataNotJson: '--fields：data 须为加密前的明文 JSON（对象，或内容为 JSON 文本的字符串）。',
    badSecret: '--secret：{{advice}}',
  },
};
