/** English texts of the department picker, the import's department mapping and People → Edit's backends (keys shared with departments.zh-CN.ts). */
export const departmentsEn = {
  departments: {
    chooseBackend: 'Choose the target backends first: the department is picked from their list.',
    noneKeep: '{{backends}}: no departments in this system, so there is nothing to pick.',
    notSentTo: 'The department goes to the backends that have departments; {{backends}} has none.',
    unread: 'The department list of {{backends}} has not been read yet: open it on the Backends page and refresh from the backend.',
    notOnList: '{{value}} (not on the backend’s list)',
    mappingTitle: 'Departments',
    mappingIntro: 'Each department the rows give, and the backend’s department it is stored as (by its code).',
    mappingColumns: { value: 'In the file', name: 'Department', code: 'Code', rows: 'Rows' },
    cliMapping_one: 'Department "{{value}}" is {{name}} (code {{code}}): {{count}} row.',
    cliMapping_other: 'Department "{{value}}" is {{name}} (code {{code}}): {{count}} rows.',
  },
  personEdit: {
    targetsTitle: 'Backends and access levels',
    targetsHint: 'Tick the backends this person goes to and their access levels (ZKBio) or pass groups (Hongtu). A backend unticked here deletes the person there.',
  },
};
