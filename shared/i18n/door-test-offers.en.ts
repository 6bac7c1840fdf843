/**
 * English: why the Door tests page does not offer a test for a backend (shared/rules/door-test-offers.ts,
 * issue 14). Keys shared with door-test-offers.zh-CN.ts; spread into en.ts (top level).
 */
export const doorTestOffersEn = {
  doorTestOffers: {
    notOfferedOption: '{{test}} (not offered)',
    reasons: {
      noDoorModes: 'The door mode test is not offered: this system cannot set door modes through its API. {{note}}',
      noRestore:
        'The door mode test is not offered: this system can hold a door open or closed through its API, but cannot return a door to normal by its API, so the test would leave the door held. {{note}}',
    },
  },
};
