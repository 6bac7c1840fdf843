import { TEXT_LIMITS } from '../rules/text-limits.ts';

/**
 * English: visitors (issue 15 item 4) — the Visitors page and the CLI's `visitors` commands. Keys
 * shared with visitors.zh-CN.ts; spread into en.ts (top level, `errors`, `validation`).
 */
export const visitorsEn = {
  visitors: {
    capability: 'Visitor registration',
    nav: 'Visitors',
    title: 'Visitors',
    intro: 'Register today’s visitors on a backend that has visitor registration, see when they arrived and left, and check them out.',
    noSite: 'Choose a site first (Sites page).',
    register: 'Register a visitor',
    backend: 'Backend',
    noBackends: 'This site has no backend yet. Add one on the Backends page.',
    noVisitorApi: 'This backend cannot register visitors.',
    field: {
      name: 'Name',
      hostPin: 'Host (personnel number)',
      idType: 'ID document',
      idNumber: 'Document number',
      phone: 'Mobile phone',
      company: 'Company',
      reason: 'Reason for the visit',
      validFrom: 'Valid from',
      validTo: 'Valid to',
    },
    idType: { 'national-id': 'National ID card', passport: 'Passport', 'drivers-license': 'Driver’s license', 'work-permit': 'Work permit', other: 'Other' },
    hostHint: 'Type or pick the host among the {{count}} people on this backend: the host must be a person there.',
    defaultsHint: 'Left empty, the visit runs from now to the end of today (site time).',
    face: 'Face (optional)',
    required: 'Required.',
    submit: 'Register',
    submitting: 'Registering…',
    registered: '{{name}} is registered.',
    keptFailed: '{{name}} is saved, but the backend could not be reached. Retry when it is back.',
    today: 'Visitors on {{date}}',
    date: 'Day',
    empty: 'No visitors on this day.',
    col: { name: 'Visitor', host: 'Host', company: 'Company', reason: 'Reason', valid: 'Valid', presence: 'On site', state: 'State' },
    state: { sending: 'sending', registered: 'registered', reserved: 'reserved', failed: 'not sent', 'checked-out': 'checked out' },
    presence: { expected: 'expected', arrived: 'arrived {{time}}', left: 'left {{time}}' },
    reservedDone: '{{name}} is booked (a reservation).',
    cancelReservation: 'Cancel reservation',
    notYet: 'not yet',
    checkOut: 'Check out',
    retry: 'Retry',
    face_yes: 'face',
    cli: {
      header: 'Visitors of site {{site}} on {{date}}:',
      none: 'No visitors of site {{site}} on {{date}}.',
      row: '#{{id}} {{name}} (host {{host}}) {{from}} – {{to}}: {{state}}; arrived {{arrived}}; left {{left}}',
      added: 'Visitor #{{id}} {{name}}: {{state}}.',
      checkedOut: 'Visitor #{{id}} {{name}} checked out.',
      notSent: 'The backend could not be reached; the visitor is kept. Run `doorman visitors retry {{id}}` when it is back. ({{reason}})',
    },
  },
};

export const visitorsErrorsEn = {
  visitor_not_found: 'There is no visitor {{id}}. Refresh the list.',
};

export const visitorsValidationEn = {
  host_pin_format: `The host is a personnel number: letters and digits, at most ${TEXT_LIMITS.pin}.`,
  visitor_id_number_format: 'A document number is letters, digits and dashes, at most 50.',
  visitor_company_too_long: 'At most 50 characters (K30’s limit).',
  visitor_reason_too_long: 'At most 50 characters (K30’s limit).',
  visit_ends_before_start: 'The visit must end after it starts.',
  date_format: 'Write the day as yyyy-MM-dd.',
};
