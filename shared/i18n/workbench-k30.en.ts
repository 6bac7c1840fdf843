/**
 * English: the Signature workbench's K30 tab (issue 14 item 7): K30's request sign and `data`
 * encryption, and received envelopes opened. Keys shared with workbench-k30.zh-CN.ts; spread into
 * en.ts (top level, and the validation messages into `validation`).
 */
export const workbenchK30En = {
  workbenchK30: {
    directions: { sign: 'Sign a request', open: 'Open a reply or callback' },
    exampleNote: 'The K30 document’s example (1.1) signs to {{sign}}, with the secret its “即” line uses (ae5a94eb3dbe9baf, erratum E1). Fill it in to check the workbench against the document.',
    openExampleNote: 'The K30 document’s visitor.create reply decrypts to {{plaintext}} with company number 1762766749844335, and its sign verifies (§3.5). Fill it in to check the workbench against the document.',
    prefill: 'Fill in the document’s example',
    companyno: 'companyno (企业编号)',
    timestamp: 'timestamp',
    timestampHint: 'yyyyMMddHHmmssSSS, exactly as sent.',
    method: 'method',
    methodHint: 'Callbacks only (authstatus, UploadRecord); blank for a request.',
    otherFields: 'Other fields',
    otherFieldsHint: 'A JSON object of any other envelope fields, e.g. {"deviceno":"…"}; blank for none. Empty values take no part in the sign (1.1).',
    data: 'data (plaintext JSON)',
    dataHint: 'Signed first, then encrypted, exactly as typed: spaces and key order count.',
    secret: 'Company number (secret)',
    secretHint: 'The sign secret and the AES-128 key, 16 characters. Blank: the companyno above.',
    openSecretHint: 'The sign secret and the AES-128 key, 16 characters. Blank: the envelope’s own companyno.',
    envelope: 'Envelope as received',
    envelopeHint: 'Paste the whole JSON body of the reply or callback, data as it came (ciphertext or plaintext).',
    sign: 'Compute sign',
    open: 'Decrypt and check the sign',
    result: {
      title: 'Signature',
      stringToSign: 'String to sign',
      data: 'data (encrypted, percent-encoded as sent)',
      noData: '(no data)',
      envelope: 'Envelope as sent',
      matchesDocument: 'Matches the document’s example.',
      openTitle: 'Opened',
      plaintext: 'data (plaintext)',
      cameAsPlaintext: 'data came as plaintext, not encrypted (the document’s examples print it so, E9).',
      received: 'sign received',
      none: '(none)',
      variants: {
        'empty-dropped': 'Empty values dropped (the rule as 1.1 states it)',
        'empty-kept': 'Empty values kept (as the document’s visitor.sync reply signs, E7)',
      },
      matches: 'matches',
      differs: 'differs',
      verdicts: {
        'empty-dropped': 'The sign verifies, with empty values dropped as 1.1 states.',
        'empty-kept': 'The sign verifies with empty values kept, as the document’s visitor.sync reply signs (E7).',
        mismatch: 'The sign matches neither reading: the sender used another company number or another rule. Many example signs in the K30 document are placeholders (E8).',
        missing: 'The envelope has no sign.',
      },
      notOpened: 'data could not be opened. {{advice}}',
    },
  },
};

export const workbenchK30ValidationEn = {
  k30_data_not_json: 'data must be the plaintext JSON (an object or an array), as it is before encryption; blank for none.',
  k30_field_name: 'Field names are letters, digits or _ and start with a letter; sign and data have their own places.',
  k30_fields_format: 'Other fields must be a JSON object of text or number values (at most 32), e.g. {"deviceno":"…"}.',
  k30_envelope_format: 'Paste the envelope as a JSON object, e.g. {"resultcode":"1","msg":"…","companyno":"…","timestamp":"…","sign":"…","data":"…"}.',
};
