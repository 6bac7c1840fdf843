/** A person's fields by name: the Enroll and Edit forms' labels, and the field named in an input problem. */
export const personFieldNamesEn = {
  pin: 'Personnel number',
  name: 'Name',
  idNumber: 'ID number',
  phone: 'Phone',
  gender: 'Gender',
  department: 'Department',
  cardNo: 'Card number',
  validFrom: 'Valid from',
  validTo: 'Valid to',
};

/**
 * English: the names of the fields an input problem can point at, by the contract's field key, so a
 * message says "ID number: …", never the path `person.idNumber` (issue 12 item 17). A key
 * `<parent>_<field>` names a field that means something else under that parent (a person's name).
 * Keys shared with field-names.zh-CN.ts; spread into en.ts.
 */
export const fieldNamesEn = {
  fieldNames: {
    person_name: 'Name',
    // A person's fields; `name` alone is any other name (a site's, a backend's).
    ...personFieldNamesEn,
    name: 'Name',
    baseUrl: 'Server address',
    token: 'Access token',
    appKey: 'cappkey',
    secretKey: 'secretKey',
    companyNo: 'Company number',
    fingerprint256: 'SHA-256 fingerprint',
  },
  /** One input problem, and between two, in this language's punctuation. */
  fieldIssue: { line: '{{field}}: {{problem}}', separator: '; ' },
};
