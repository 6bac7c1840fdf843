/** English texts of the People page (keys shared with people.zh-CN.ts). */
export const peopleEn = {
  people: {
    title: 'People',
    intro: 'Everyone enrolled on this site. Editing or deleting a person goes through the sync queue to every backend they were sent to.',
    noSite: 'Choose a site on the Sites page first.',
    search: 'Search',
    searchPlaceholder: 'Name, personnel no., ID number, phone or department',
    empty: 'Nobody is enrolled on this site yet.',
    noMatch: 'Nobody matches this search.',
    columns: { pin: 'Personnel no.', name: 'Name', idNumber: 'ID number', phone: 'Phone', department: 'Department', photo: 'Photo', targets: 'Backends', sync: 'Sync to backends', actions: 'Actions' },
    photoOf: 'Photo of {{name}}',
    sync: {
      synced: 'Synced',
      waiting: 'Waiting',
      failed: 'Failed',
      cancelled: 'Cancelled',
      none: 'Not sent',
      line: '{{backend}}: {{state}}',
      nextTry: 'next try {{time}}',
      cancelledByYou: 'cancelled by you',
      cancelledByNewer: 'replaced by a newer change',
      devicesNotTaking_one: '{{count}} device did not take them',
      devicesNotTaking_other: '{{count}} devices did not take them',
      deviceLine: '{{backend}}: device {{device}} did not take them — {{message}}',
      openQueue: 'Open the Sync queue',
    },
    photoYes: 'yes',
    photoNo: 'no',
    edit: 'Edit',
    editTitle: 'Edit {{name}}',
    pinReadOnly: 'The personnel number identifies the person on every backend and cannot be changed.',
    saving: 'Saving…',
    saved_one: '{{name}} saved; {{count}} sync entry queued.',
    saved_other: '{{name}} saved; {{count}} sync entries queued.',
    confirmDeleteTitle: 'Delete person',
    confirmDelete: 'Delete {{name}} ({{pin}})? They are removed from this computer and deleted on every backend they were sent to.',
    deleted: '{{name}} deleted; the backends are updated through the sync queue.',
    unknownBackend: 'backend {{id}}',
  },
};

/** Error texts of the people and sync-queue methods (spread into `errors`). */
export const peopleErrorsEn = {
  outbox_cancelled: 'This entry was cancelled, so it cannot be retried. To send the person again, save them again on the People page.',
};
