/**
 * What every simulator's endpoint table holds: one entry per endpoint of its document, generated
 * once from ../shared/specs/<vendor>.endpoints.json as compact rows. The kinds of method, body,
 * reply and field are the vendor's own.
 */
export interface EndpointEntry<Method extends string, Body extends string, Reply extends string, Field, ReplyField> {
  readonly id: string;
  readonly method: Method;
  readonly path: string;
  readonly body: Body;
  readonly reply: Reply;
  readonly fields: readonly Field[];
  readonly replyFields: readonly ReplyField[];
}

/** The space-separated tokens of a row's field list. */
export function words(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0);
}
