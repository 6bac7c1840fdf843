import protobuf from 'protobufjs';
import { TCP_APICODES, type TcpApicode } from './endpoints.ts';
import { layoutError } from './errors.ts';

/**
 * The TCP messages (C_AUTH, C_HEARTBEAT, C_SIGN_IN and their replies) as protobufjs Types built at
 * run time from a layout object — field name → number — so a site can change every number in
 * settings: the document gives none (S1; zhejiang.proto READ THIS FIRST, D7).
 *
 * Layout A (default, zhejiang.proto section A): one message per apicode, numbers = the row order of
 * the document's tables; C_AUTH's request numbers differ from the others' (apicode 3 vs 4, E7).
 * Layout B (section B): every request is one envelope numbered like C_HEARTBEAT, with accessId 8
 * and accessKey 9. The three reply tables share one layout (version 1, success 2, apicode 3, error 4,
 * response 5). `param`, `error` and `response` are strings holding JSON text; `success` is the only
 * bool (proto3: false is not written and reads as false).
 *
 * Frames carry no type (S6): a reader decodes a frame with each apicode's layout and keeps the one
 * whose decoded `apicode` is that apicode ({@link TcpCodec.decodeRequest}, {@link TcpCodec.decodeResponse});
 * a frame no layout reads that way is `unknown` (logged and tolerated, D9).
 */
export const REQUEST_FIELDS = ['version', 'sn', 'token', 'apicode', 'accessId', 'accessKey', 'timeStamp', 'param', 'sign'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export const RESPONSE_FIELDS = ['version', 'success', 'apicode', 'error', 'response'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

type FieldNumbers<F extends string> = Readonly<Partial<Record<F, number>>>;

export interface TcpLayout {
  /** Request field numbers per apicode; a field left out is not on the wire for that apicode. */
  readonly requests: Readonly<Record<TcpApicode, FieldNumbers<RequestField>>>;
  readonly responses: Readonly<Record<TcpApicode, FieldNumbers<ResponseField>>>;
}

const TOKEN_REQUEST = { version: 1, sn: 2, token: 3, apicode: 4, timeStamp: 5, param: 6, sign: 7 } as const;
const RESPONSE = { version: 1, success: 2, apicode: 3, error: 4, response: 5 } as const;
const ENVELOPE = { ...TOKEN_REQUEST, accessId: 8, accessKey: 9 } as const;

/** zhejiang.proto section A: AuthRequest, HeartbeatRequest, SignInRequest and the replies. */
export const LAYOUT_A: TcpLayout = {
  requests: {
    C_AUTH: { version: 1, sn: 2, apicode: 3, accessId: 4, accessKey: 5, timeStamp: 6, param: 7, sign: 8 },
    C_HEARTBEAT: TOKEN_REQUEST,
    C_SIGN_IN: TOKEN_REQUEST,
  },
  // SignInResponse declares no `response` (§2.3.3); reading number 5 anyway costs nothing and keeps one reply layout (D7).
  responses: { C_AUTH: RESPONSE, C_HEARTBEAT: RESPONSE, C_SIGN_IN: RESPONSE },
};

/** zhejiang.proto section B: TcpRequestEnvelope for every request (C_AUTH leaves token out). */
export const LAYOUT_B: TcpLayout = {
  requests: { C_AUTH: ENVELOPE, C_HEARTBEAT: ENVELOPE, C_SIGN_IN: ENVELOPE },
  responses: { C_AUTH: RESPONSE, C_HEARTBEAT: RESPONSE, C_SIGN_IN: RESPONSE },
};

export const TCP_LAYOUTS = { A: LAYOUT_A, B: LAYOUT_B } as const;

/** protobuf's field number range, without the reserved 19000–19999. */
const MAX_FIELD_NUMBER = 536_870_911;

/** What is wrong with the layout's numbers; empty when it can be built. */
export function layoutProblems(layout: TcpLayout): string[] {
  const problems: string[] = [];
  const check = (message: string, numbers: Readonly<Record<string, number | undefined>>, needed: readonly string[]) => {
    const seen = new Map<number, string>();
    for (const [field, number] of Object.entries(numbers)) {
      if (number === undefined) continue;
      if (!Number.isInteger(number) || number < 1 || number > MAX_FIELD_NUMBER || (number >= 19_000 && number <= 19_999)) problems.push(`${message}.${field} = ${number}`);
      const other = seen.get(number);
      if (other !== undefined) problems.push(`${message}: ${other} and ${field} both ${number}`);
      seen.set(number, field);
    }
    for (const field of needed) if (numbers[field] === undefined) problems.push(`${message}.${field} has no number`);
  };
  for (const apicode of TCP_APICODES) {
    const needed = apicode === 'C_AUTH' ? ['version', 'sn', 'apicode', 'accessId', 'accessKey', 'timeStamp', 'param', 'sign'] : ['version', 'sn', 'token', 'apicode', 'timeStamp', 'param', 'sign'];
    check(`${apicode} request`, layout.requests[apicode], needed);
    check(`${apicode} response`, layout.responses[apicode], ['version', 'success', 'apicode']);
  }
  return problems;
}

export type TcpRequest = Readonly<Partial<Record<RequestField, string | undefined>>> & { readonly apicode: TcpApicode };

export interface TcpResponse {
  readonly version?: string;
  readonly success: boolean;
  readonly apicode: string;
  /** JSON text, when success is false. */
  readonly error?: string;
  /** JSON text. */
  readonly response?: string;
}

export type DecodedFrame<T> = { readonly kind: 'known'; readonly apicode: TcpApicode; readonly message: T } | { readonly kind: 'unknown'; readonly why: string };

function typeOf(name: string, numbers: Readonly<Record<string, number | undefined>>, boolFields: readonly string[]): protobuf.Type {
  const type = new protobuf.Type(name);
  for (const [field, number] of Object.entries(numbers)) {
    if (number !== undefined) type.add(new protobuf.Field(field, number, boolFields.includes(field) ? 'bool' : 'string'));
  }
  new protobuf.Root().add(type);
  return type;
}

/** The message's own fields that are set, as a plain object (proto3 defaults left out). */
function plain(type: protobuf.Type, bytes: Uint8Array): Record<string, unknown> {
  return type.toObject(type.decode(bytes), { defaults: false });
}

/**
 * A reply's `success` (tabulated Boolean) by what is on the wire, since a platform's own .proto may
 * declare it otherwise: a varint (bool, int32…) is true when not 0; a string (length-delimited)
 * is true for "true" or "1" (any case, blanks trimmed). Anything else — absent (proto3 false), "false",
 * "0", other text, a fixed-width number — is false, so the reply is a failure and its `error` decides
 * the typed error (errors.ts: no code → `missing`, the session backs off). Last occurrence wins.
 */
export function successOf(body: Uint8Array, fieldNumber: number | undefined): boolean {
  if (fieldNumber === undefined) return false;
  let success = false;
  try {
    const reader = protobuf.Reader.create(body);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const wireType = tag & 7;
      if (tag >>> 3 !== fieldNumber) reader.skipType(wireType);
      else if (wireType === 0) success = reader.bool();
      else if (wireType === 2) success = ['true', '1'].includes(reader.string().trim().toLowerCase());
      else {
        reader.skipType(wireType);
        success = false;
      }
    }
  } catch {
    return false;
  }
  return success;
}

/** The TCP codec for one layout: encode and decode requests and replies (bodies, without the frame prefix). */
export class TcpCodec {
  readonly layout: TcpLayout;
  private readonly requestTypes: ReadonlyMap<TcpApicode, protobuf.Type>;
  private readonly responseTypes: ReadonlyMap<TcpApicode, protobuf.Type>;

  /** Throws DriverError `invalid_params` (with advice) when the numbers cannot make messages. */
  constructor(layout: TcpLayout = LAYOUT_A) {
    const problems = layoutProblems(layout);
    if (problems.length > 0) throw layoutError(problems);
    this.layout = layout;
    this.requestTypes = new Map(TCP_APICODES.map((apicode) => [apicode, typeOf(`${apicode}_REQUEST`, layout.requests[apicode], [])]));
    this.responseTypes = new Map(TCP_APICODES.map((apicode) => [apicode, typeOf(`${apicode}_RESPONSE`, layout.responses[apicode], ['success'])]));
  }

  /** A request body; fields the layout has no number for for this apicode (token in C_AUTH) are not sent. */
  encodeRequest(request: TcpRequest): Buffer {
    const type = this.requestTypes.get(request.apicode)!;
    const fields: Record<string, string> = {};
    for (const [field, value] of Object.entries(request)) if (value !== undefined && value !== '' && type.fields[field]) fields[field] = value;
    return Buffer.from(type.encode(type.fromObject(fields)).finish());
  }

  /** A reply body in the layout of `as` (default: its own apicode's); an empty apicode is not written. */
  encodeResponse(response: TcpResponse, as?: TcpApicode): Buffer {
    const type = this.responseTypes.get(as ?? (response.apicode as TcpApicode)) ?? this.responseTypes.get('C_HEARTBEAT')!;
    const fields: Record<string, unknown> = {};
    // proto3: a default value (false, "") is not written.
    for (const [field, value] of Object.entries(response)) if (value !== undefined && value !== false && value !== '' && type.fields[field]) fields[field] = value;
    return Buffer.from(type.encode(type.fromObject(fields)).finish());
  }

  /** A request body as the apicode whose layout reads it as itself (the platform's, the simulator's side). */
  decodeRequest(body: Uint8Array): DecodedFrame<TcpRequest> {
    return this.decode(body, this.requestTypes) as DecodedFrame<TcpRequest>;
  }

  /** A reply body as the apicode whose layout reads it as itself (the device's side). */
  decodeResponse(body: Uint8Array): DecodedFrame<TcpResponse> {
    const decoded = this.decode(body, this.responseTypes);
    if (decoded.kind === 'unknown') return decoded;
    return { ...decoded, message: { ...decoded.message, success: successOf(body, this.layout.responses[decoded.apicode].success) } as unknown as TcpResponse };
  }

  /**
   * A reply body read in the layout of `apicode`, whatever apicode it names (none, say): for the one
   * outstanding request (D9) when {@link decodeResponse} finds no apicode — a platform answering
   * "400_01 APICODE 为空" may well leave its own apicode empty.
   */
  decodeResponseAs(body: Uint8Array, apicode: TcpApicode): TcpResponse | undefined {
    try {
      const message = plain(this.responseTypes.get(apicode)!, body);
      return { ...message, apicode: typeof message['apicode'] === 'string' ? message['apicode'] : '', success: successOf(body, this.layout.responses[apicode].success) } as TcpResponse;
    } catch {
      return undefined;
    }
  }

  private decode(body: Uint8Array, types: ReadonlyMap<TcpApicode, protobuf.Type>): DecodedFrame<Record<string, unknown>> {
    let lastWhy = 'no layout reads an apicode';
    for (const [apicode, type] of types) {
      let message: Record<string, unknown>;
      try {
        message = plain(type, body);
      } catch (error) {
        lastWhy = `not protobuf for ${apicode}: ${error instanceof Error ? error.message : String(error)}`;
        continue;
      }
      if (message['apicode'] === apicode) return { kind: 'known', apicode, message };
      if (typeof message['apicode'] === 'string') lastWhy = `apicode ${JSON.stringify(message['apicode'])}`;
    }
    return { kind: 'unknown', why: lastWhy };
  }
}
