/**
 * English: the names of the fields an input problem can point at, by the contract's field key, so a
 * message says "ID number: …", never the path `person.idNumber` (issue 12 item 17). A key
 * `<parent>_<field>` names a field that means something else under that parent (a person's name).
 * Keys shared with field-names.zh-CN.ts; spread into en.ts.
 */
export const fieldNamesEn = {
  fieldNames: {
    name: 'Name',
    person_name: 'Name',
    pin: 'Personnel number',
    idNumber: 'ID number',
    phone: 'Phone',
    gender: 'Gender',
    department: 'Department',
    cardNo: 'Card number',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    baseUrl: 'Server address',
    token: 'Access token',
    appKey: 'cappkey',
    secretKey: 'secretKey',
    fingerprint256: 'SHA-256 fingerprint',
  },
  /** One input problem, and between two, in this language's punctuation. */
  fieldIssue: { line: '{{field}}: {{problem}}', separator: '; ' },
};
