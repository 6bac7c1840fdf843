/**
 * English: the CLI's `sign k30` (issue 14 item 7), K30's signature and `data` encryption computed
 * from typed envelope fields. Keys shared with sign-k30.zh-CN.ts; spread into en.ts (top level).
 */
export const signK30En = {
  signK30: {
    fieldsNotObject: '--fields must be a JSON object of the envelope’s fields, e.g. {"companyno":"…","timestamp":"…","data":{…}}.',
    fieldNotText: '--fields: "{{field}}" must be text or a number (only data may be a JSON object).',
    dataNotJson: '--fields: data must be the plaintext JSON (an object, or a string holding JSON text), as it is before encryption.',
    badSecret: '--secret: {{advice}}',
  },
};
