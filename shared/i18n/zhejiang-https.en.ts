/**
 * English: a Zhejiang device's HTTPS task calls (issue 16 items 2–3): the transport's failures as
 * what happened and what to do. Keys shared with zhejiang-https.zh-CN.ts; spread into en.ts (top level).
 */
export const zhejiangHttpsEn = {
  zhejiangHttps: {
    httpStatus: 'The Zhejiang platform’s address answered {{apicode}} with HTTP {{status}} instead of an answer of its own. Doorman retries with growing pauses; if it lasts, check the HTTPS address (it ends with the platform’s API path) or tell the platform operator their gateway is failing.',
    timeout: 'The Zhejiang platform did not answer {{apicode}} within {{seconds}} s. Doorman tries again later by itself; if this repeats, the platform is overloaded or the HTTPS address leads somewhere that never answers.',
    tooLarge: 'The Zhejiang platform’s answer to {{apicode}} is larger than {{max}} bytes, so Doorman stopped reading it. Check the HTTPS address; if it is right, tell the platform operator (a page of workers should be far smaller).',
    network: 'Doorman could not reach the Zhejiang platform’s HTTPS address for {{apicode}} ({{reason}}). It tries again later by itself; check the address, the network, and for HTTPS the certificate trust (pin the platform’s fingerprint).',
    noToken: 'Device {{sn}} has no token for the Zhejiang platform yet: it must authenticate over TCP (C_AUTH) before it can fetch or report tasks. Doorman authenticates by itself when the device session is running.',
    lenientJson: 'The Zhejiang platform’s answer to {{apicode}} is not strict JSON ({{quirks}}); Doorman read it leniently.',
  },
};
