/**
 * How long each typed field may be, in characters: the one source for the contract's schemas and
 * for the messages that state the limit (catalogs build their texts from these numbers, so a
 * message can never name another limit than the one applied).
 */
export const TEXT_LIMITS = {
  /** A site's or a backend's name (both refused as `name_too_long`). */
  name: 80,
  /** A site's postal address, one line (`address_too_long`). */
  address: 200,
  /** A person's name (`person_name_too_long`). */
  personName: 40,
  /** A person's department (`department_too_long`). */
  department: 64,
  /** Personnel number: letters and digits (`pin_format`). */
  pin: 24,
  /** Card number: digits (`card_format`). */
  cardNo: 20,
  /** Phone number: digits, optionally after + (`phone_format`). */
  phoneMin: 6,
  phoneMax: 18,
} as const;
