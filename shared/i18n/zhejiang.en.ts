/**
 * English: the Zhejiang real-name platform's codec (issue 16 item 1): the platform's error codes
 * (seed 002 §1.3) as what happened and what to do, framing, JSON, sign and layout failures, and the
 * CLI's `sign zhejiang`. Keys shared with zhejiang.zh-CN.ts; spread into en.ts (top level).
 */
export const zhejiangEn = {
  zhejiang: {
    platformErrors: {
      apicodeEmpty: {
        happened: 'The Zhejiang platform says the request had no apicode (400_01 APICODE 为空).',
        todo: 'This is a fault in how Doorman built the request, or the field numbers do not match the platform’s: check the bridge’s field numbers under “advanced” (try the single-envelope layout B), then send Doorman’s log to support.',
      },
      paramUnreadable: {
        happened: 'The Zhejiang platform could not parse the request’s param (400_02 param 解析失败).',
        todo: 'Doorman does not retry this blindly. Under “advanced”, try the other HTTPS param encoding (object ↔ string) or the other value types; if it persists, send Doorman’s log to the platform operator.',
      },
      tokenOrSign: {
        happened: 'The Zhejiang platform refused the token or the sign (400_04 token 或 sign 验证失败).',
        todo: 'Doorman signs in again once by itself. If it comes back, check accessId, accessKey and accessSecret exactly as the platform issued them; if they are right, try the switches under “advanced” (HTTPS param as a string first, then the photo left out as an empty string).',
      },
      timestamp: {
        happened: 'The Zhejiang platform refused the request’s time (400_05 timestamp 验证错误).',
        todo: 'This computer’s clock or time zone is off: the platform expects China time (UTC+8). Turn on automatic time (NTP) and check the time zone; Doorman resynchronises and retries once by itself.',
      },
      noToken: {
        happened: 'The Zhejiang platform no longer knows this device’s token (401_01 token 不存在): it expires after 30 minutes without requests.',
        todo: 'Nothing to do: Doorman authenticates again by itself. If this repeats every few minutes, check that the heartbeat runs (the device’s live state).',
      },
      keyRevoked: {
        happened: 'The Zhejiang platform says the credentials are no longer valid (401_02 认证密钥已失效).',
        todo: 'The bridge has stopped this device. Ask the platform operator for new accessId, accessKey and accessSecret, enter them in the bridge’s settings, and start it again.',
      },
      system: {
        happened: 'The Zhejiang platform had an internal error (500_01 系统异常).',
        todo: 'Nothing is lost: Doorman retries with growing pauses. If it lasts, tell the platform operator.',
      },
      unknown: {
        happened: 'The Zhejiang platform refused the request with the code {{code}}, which its document does not list ({{message}}).',
        todo: 'Doorman logged it and goes on. Tell the platform operator the code and the message; if it concerns signing, try the switches under “advanced”.',
      },
      missing: {
        happened: 'The Zhejiang platform answered “not successful” without an error code.',
        todo: 'Doorman logged the answer and will retry. If it repeats, send Doorman’s log to the platform operator.',
      },
    },
    frame: {
      malformedPrefix: 'The Zhejiang platform sent bytes that are not a frame (a garbage length prefix: {{detail}}). Doorman closed the connection and reconnects by itself; if this repeats, check that the TCP address is the platform’s device port, not another service.',
      tooLarge: 'The Zhejiang platform announced a frame of {{length}} bytes, above the maximum of {{max}}. Doorman closed the connection and reconnects; if the platform really sends such frames, raise the maximum frame size under “advanced”, otherwise check the TCP address.',
    },
    json: {
      unreadable: 'The Zhejiang platform’s answer is not JSON, even read leniently ({{detail}}). Check that the address is the platform’s; if it is, send Doorman’s log to the platform operator.',
      badField: 'The Zhejiang platform’s answer to {{apicode}} has a “{{field}}” Doorman cannot read ({{found}}), so it did not act on it and the task is not done. Send Doorman’s log to the platform operator.',
      noSuccess: 'The Zhejiang platform’s answer to {{apicode}} is JSON but does not say whether the call succeeded (“success” is {{found}}, not true or false). Doorman did not act on it; send Doorman’s log to the platform operator.',
      noToken: 'The Zhejiang platform accepted the sign-in (C_AUTH) but its answer holds no token ({{detail}}). Doorman reconnects and tries again; if it persists, send Doorman’s log to the platform operator: the answer must be {token:"…"}.',
    },
    responseSign: {
      mismatch: 'The Zhejiang platform’s answer to {{apicode}} is not signed with this accessSecret, and the sign check is “strict”. Check the accessSecret; if it is right and calls otherwise work, set the response sign check to “warn” (the default).',
      warning: 'The Zhejiang platform’s answer to {{apicode}} has a sign that does not match (the document’s own example signs are placeholders); the answer was used anyway. Set the response sign check to “strict” to refuse such answers.',
    },
    unknownApicode: 'The Zhejiang document defines no interface “{{apicode}}”. Use one of: {{known}}.',
    layout: {
      invalid: 'The Zhejiang field numbers are not usable: {{problems}}. Each field needs its own whole number from 1 to 536870911 (not 19000–19999) within its message; correct them under “advanced”.',
      unknownFrame: 'The Zhejiang platform sent a frame that none of the configured message layouts reads as C_AUTH, C_HEARTBEAT or C_SIGN_IN. It was logged and ignored; if answers never arrive, try the other field layout under “advanced”.',
    },
  },
  signZhejiang: {
    fieldsNotObject: '--fields must be a JSON object of the request’s fields, e.g. {"version":"v1.0.0","sn":"…","token":"…","timeStamp":"…","param":{…}}.',
    fieldNotText: '--fields: "{{field}}" must be text or a number (only param and response may be JSON).',
    successNotBoolean: '--fields: success must be true or false (a response’s sign).',
  },
};
