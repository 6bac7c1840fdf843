import { DriverError } from '../driver-error.ts';
import type { LocalizedText } from '../driver-error.ts';
import { vendorFailure, type FailureCodes } from '../vendor-failure.ts';

/**
 * The K30 failures that come from the signature and the `data` encryption (seed 000, 1.1 算法签名,
 * 1.2 AES加密; k30.md §2, §3), as DriverErrors with what happened and what to do, in both languages.
 * All of them point at the one credential K30 has: the company number (企业编号), which is at once
 * the signing secret and the AES key (k30.md §1.4).
 */
const VENDOR = 'k30';

const WHERE_EN = 'K30 shows it under 企业编号 (company number) in the K30 software';
const WHERE_ZH = '可在 K30 软件中查看“企业编号”';

/** A company number that is not 16 bytes: no AES-128 key (k30.md §3.2, E33). */
export function companyNoLengthError(bytes: number): DriverError {
  return new DriverError('bad_credentials', `K30 company number must be 16 bytes (it is the AES-128 key), not ${bytes} (k30.md E33)`, {
    vendor: VENDOR,
    details: { reason: 'company-number-length', bytes, expected: 16 },
    advice: {
      en: `The company number is ${bytes} bytes long, but K30 uses it as a 16-byte AES-128 key (16 letters or digits). Copy the company number exactly (${WHERE_EN}), without spaces. If the number K30 shows really is not 16 characters, the K30 document gives no rule for it: ask the K30 vendor's support for the key to use.`,
      'zh-CN': `企业编号长度为 ${bytes} 字节，但 K30 将其用作 16 字节的 AES-128 密钥（16 个字母或数字）。请按原样填写企业编号（${WHERE_ZH}），不要带空格。若 K30 显示的企业编号确实不是 16 位，K30 文档没有相应规则，请向 K30 厂家技术支持索取所用的密钥。`,
    },
  });
}

/** A reply or callback `data` that does not decrypt with the company number (k30.md §3.3). */
export function undecryptableError(reason: 'not-encoded' | 'undecryptable' | 'not-json', endpoint: string | undefined, cause?: unknown): DriverError {
  const code = reason === 'undecryptable' ? 'bad_credentials' : 'schema_mismatch';
  const advice: LocalizedText =
    reason === 'undecryptable'
      ? {
          en: `The reply's data does not decrypt with this company number: the company number is most likely wrong. Copy it again exactly (${WHERE_EN}) and test the connection again.`,
          'zh-CN': `无法用此企业编号解密返回的 data：企业编号很可能不正确。请重新按原样填写企业编号（${WHERE_ZH}），然后重新测试连接。`,
        }
      : {
          en: 'The reply is not what the K30 document describes (data should be AES ciphertext in URL-encoded base64, holding JSON). Check that the URL points at the K30 software (http://IP:Port), not at another service; if it does, send Doorman’s log to support.',
          'zh-CN': '返回内容与 K30 文档描述不符（data 应为经 URL 编码的 base64 AES 密文，内容为 JSON）。请检查地址是否指向 K30 软件（http://IP:端口）而非其他服务；若地址无误，请将 Doorman 日志发给技术支持。',
        };
  return new DriverError(code, `K30 reply data ${reason === 'not-json' ? 'decrypts, but not to JSON' : reason === 'not-encoded' ? 'is not URL-encoded base64' : 'does not decrypt with the company number'}`, {
    vendor: VENDOR,
    endpoint,
    details: { reason },
    advice,
    cause,
  });
}

/** A reply or callback whose sign matches neither variant (k30.md §2.3, E7), in strict mode. */
export function badSignError(endpoint: string | undefined): DriverError {
  return new DriverError('bad_credentials', 'K30 reply sign does not match (neither with empty values dropped nor kept)', {
    vendor: VENDOR,
    endpoint,
    details: { reason: 'bad-sign' },
    advice: {
      en: `The reply's signature does not match this company number. Check the company number (${WHERE_EN}). If it is right and calls otherwise work, this K30 version signs replies differently from its document: set the K30 signature check to "warn" (the default) instead of "strict".`,
      'zh-CN': `返回内容的签名与此企业编号不符。请检查企业编号（${WHERE_ZH}）。若企业编号无误且调用正常，说明该 K30 版本的返回签名方式与文档不同：请将 K30 签名校验设为“警告”（默认）而非“严格”。`,
    },
  });
}

/** What a `warn` check hands back when the sign does not match: logged, the reply still used. */
export const SIGN_MISMATCH_WARNING: LocalizedText = {
  en: 'The K30 reply signature does not match (only two reply signatures in the K30 document verify); the reply was used anyway. Set the signature check to "strict" to refuse such replies.',
  'zh-CN': 'K30 返回内容的签名不匹配（K30 文档中只有两个返回签名可以验证通过）；仍已使用该返回内容。如需拒绝此类返回，请将签名校验设为“严格”。',
};

/** K30's clock check refused the request's timestamp, or the server's clock is far from ours. */
export const K30_CLOCK_ADVICE: LocalizedText = {
  en: 'This computer’s clock differs from the K30 server’s, and K30 checks the time of every request. Set this computer’s date, time and time zone correctly and turn on automatic time (NTP), or have the site IT fix the K30 server’s clock; then test the connection again.',
  'zh-CN': '本机时钟与 K30 服务器不一致，而 K30 会校验每个请求的时间。请校正本机的日期、时间和时区并开启自动对时（NTP），或请现场 IT 校正 K30 服务器时钟，然后重新测试连接。',
};

/** A refusal whose own sign does not verify with our company number: K30 answered in another one. */
export const K30_COMPANY_ADVICE: LocalizedText = {
  en: `K30 refused the request, and its answer is not signed with this company number: the company number is most likely wrong. Copy it again exactly (${WHERE_EN}) and test the connection again.`,
  'zh-CN': `K30 拒绝了请求，且其返回内容不是用此企业编号签名的：企业编号很可能不正确。请重新按原样填写企业编号（${WHERE_ZH}），然后重新测试连接。`,
};

/** Something answers at the address, but not as K30's open API. */
export const K30_NOT_K30_ADVICE: LocalizedText = {
  en: 'Something answers at this address, but not as K30’s open API (a login page, a proxy, or another system). Enter the address of the K30 software as http://IP:Port — the one its open API is configured on — and test again.',
  'zh-CN': '此地址有服务应答，但不是 K30 开放接口（可能是登录页、代理或其他系统）。请填写 K30 软件开放接口的地址（http://IP:端口），然后重新测试。',
};

/**
 * What a `resultcode "0"` reply's `msg` says, as far as Doorman can tell (k30.md §9: the document
 * has no error codes and no message catalogue, only its examples' words — 失败, 获取列表失败,
 * 操作失败, 下发失败, 删除失败, Exception — and visitor.delete's 提示设备离线). Read in order; the
 * first pattern the message matches gives the advice. `credentials`: the refusal is about the
 * company number (the one K30 secret) or the clock its timestamp is checked against.
 */
interface KnownMessage {
  readonly pattern: RegExp;
  readonly credentials?: boolean;
  readonly en: string;
  readonly zh: string;
}

/** A refusal that names the request's time (K30 checks it against its clock). */
export const CLOCK_MESSAGE = /timestamp|时间戳|时间.*超出/i;

const KNOWN_MESSAGES: readonly KnownMessage[] = [
  { pattern: CLOCK_MESSAGE, credentials: true, en: K30_CLOCK_ADVICE.en, zh: K30_CLOCK_ADVICE['zh-CN'] },
  {
    pattern: /企业编号|companyno|appid/i,
    credentials: true,
    en: `K30 does not know this company number. Copy it again exactly (${WHERE_EN}) and test the connection again.`,
    zh: `K30 不认识此企业编号。请重新按原样填写企业编号（${WHERE_ZH}），然后重新测试连接。`,
  },
  {
    pattern: /签名|sign/i,
    credentials: true,
    en: `K30 refused the request signature: the company number is most likely wrong (it is the signing key). Copy it again exactly (${WHERE_EN}) and test the connection again.`,
    zh: `K30 拒绝了请求签名：企业编号很可能不正确（它就是签名密钥）。请重新按原样填写企业编号（${WHERE_ZH}），然后重新测试连接。`,
  },
  {
    pattern: /解密|decrypt/i,
    credentials: true,
    en: `K30 could not decrypt the request: the company number is most likely wrong (it is the AES key). Copy it again exactly (${WHERE_EN}) and test the connection again.`,
    zh: `K30 无法解密请求：企业编号很可能不正确（它就是 AES 密钥）。请重新按原样填写企业编号（${WHERE_ZH}），然后重新测试连接。`,
  },
  {
    pattern: /离线|offline/i,
    en: 'The device is offline in K30. Check its power and network, and that K30 shows it online, then try again.',
    zh: '该设备在 K30 中离线。请检查设备电源和网络，确认 K30 中显示在线后重试。',
  },
  {
    pattern: /跨月/,
    en: 'K30 reads records one month at a time: the start and end date must be in the same month. Doorman splits longer ranges by month; if you called record.list yourself, split the range.',
    zh: 'K30 每次只能查询同一个月的记录：开始日期和结束日期必须在同一个月。Doorman 会按月拆分较长的时间段；若是手动调用 record.list，请自行按月拆分。',
  },
  {
    pattern: /不存在|not exist/i,
    en: 'K30 does not have what the request names (it may have been deleted in K30). Refresh the inventory from K30 and choose again.',
    zh: 'K30 中不存在请求所指的对象（可能已在 K30 中被删除）。请从 K30 刷新清单后重新选择。',
  },
  {
    pattern: /已存在|exist/i,
    en: 'K30 already has a record with this value (a job number, card number or name must be unique). Use the existing one, or change the value.',
    zh: 'K30 中已有相同取值的记录（工号、卡号或名称须唯一）。请使用已有记录，或修改该值。',
  },
  {
    pattern: /不能为空|格式错误|长度|必须|格式应为/,
    en: 'K30 refused a value of the request (its message names the field). Correct that field and try again.',
    zh: 'K30 拒绝了请求中的某个值（返回信息中指明了字段）。请更正该字段后重试。',
  },
  {
    pattern: /exception/i,
    en: 'The K30 server failed while handling the request. Try again; if it repeats, look at the K30 server’s log or ask the K30 vendor’s support.',
    zh: 'K30 服务器处理请求时出错。请重试；反复出现请查看 K30 服务器日志或联系 K30 厂家技术支持。',
  },
];

function knownMessage(message: string | null | undefined): KnownMessage | undefined {
  return message ? KNOWN_MESSAGES.find((known) => known.pattern.test(message)) : undefined;
}

/** K30's one failure code, `resultcode "0"`, read by its message (vendor-failure.ts). */
const FAILURE_CODES: FailureCodes = {
  vendor: VENDOR,
  product: 'K30',
  documentText: () => '失败',
  advice: (_code, message) => {
    const known = knownMessage(message);
    return known ? { en: `${known.en} (K30: ${message ?? ''})`, 'zh-CN': `${known.zh}（K30：${message ?? ''}）` } : undefined;
  },
  unknownAdvice: (_code, text) => ({
    en: `K30 refused the request: ${text}. The K30 document lists no error messages; check the request's values against what K30 shows, and try again.`,
    'zh-CN': `K30 拒绝了请求：${text}。K30 文档没有列出错误信息；请对照 K30 中显示的内容检查请求的取值后重试。`,
  }),
  errorCode: (_code, message) => (knownMessage(message)?.credentials === true ? 'bad_credentials' : 'vendor_error'),
};

/**
 * The typed error for a `resultcode "0"` reply: `bad_credentials` when its `msg` is about the
 * company number, the sign, the encryption or the clock, `vendor_error` otherwise; the server's
 * `msg` in details and, where Doorman recognises it, what to do in both languages.
 */
export function k30Failure(message: string | null | undefined, endpoint: string, status?: number): DriverError {
  return vendorFailure(FAILURE_CODES, 0, message, endpoint, status);
}
