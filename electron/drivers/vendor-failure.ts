import { DriverError, type DriverErrorCode, type LocalizedText } from './driver-error.ts';

/** A vendor's table of failure codes, as the shared failure skeleton reads it. */
export interface FailureCodes {
  readonly vendor: string;
  /** How messages name the vendor: `ZKBio`, `Hongtu`. */
  readonly product: string;
  /** The document's text for a code, where it prints one. */
  documentText(code: number): string | undefined;
  /** What to do, in both languages; `message` (the server's) picks the meaning of a code printed with several. */
  advice(code: number, message: string | null | undefined): LocalizedText | undefined;
  /** The advice for a code the document does not list, with the server's text. */
  unknownAdvice(code: number, text: string): LocalizedText;
  /** The error code a vendor code (and, for a vendor with one code for every failure, its message) amounts to, where it is not a plain refusal (`vendor_error`). */
  errorCode?(code: number, message: string | null | undefined): DriverErrorCode;
}

/**
 * The typed error for a vendor's failure code: `vendor_error` (or what the table says the code
 * amounts to) with the vendor code, the table's advice, and the server's message in details.
 */
export function vendorFailure(codes: FailureCodes, code: number, message: string | null | undefined, endpoint: string, status?: number): DriverError {
  const text = message || codes.documentText(code) || `code ${code}`;
  return new DriverError(codes.errorCode?.(code, message) ?? 'vendor_error', `${codes.product} ${endpoint}: ${text} (code ${code})`, {
    vendor: codes.vendor,
    endpoint,
    vendorCode: code,
    status,
    advice: codes.advice(code, message) ?? codes.unknownAdvice(code, text),
    details: { vendorMessage: text },
  });
}
