/** English: why a set-up wizard's step button is disabled, said next to it (issue 12 item 16). Spread into en.ts. */
export const wizardRunEn = {
  wizardRun: {
    missing: 'Still needed: {{fields}}.',
    earlierStep: '“{{step}}” done first',
    oneDoor: 'at least one door ticked',
    validGroupName: 'a group name Hongtu accepts, not taken',
  },
};
