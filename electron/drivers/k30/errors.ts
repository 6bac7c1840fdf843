import { DriverError } from '../driver-error.ts';
import type { LocalizedText } from '../driver-error.ts';

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
