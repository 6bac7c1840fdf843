import { NO_FACE_REASON_MAX } from '../contract/people.ts';

/**
 * English texts of the checks on a person (issue 12 items 2 and 3): saving without a face, adding
 * the face later on People → Edit, and an ID number someone else on the site already has. Keys
 * shared with person-checks.zh-CN.ts.
 */
export const personChecksEn = {
  noFace: {
    title: 'Save without a face photo?',
    body: 'This station enrolls faces: without one, {{name}} cannot open a door by face. Say why, then add the face later on the People page (Edit → Take photo or Choose photo file).',
    bodyNoName: 'This station enrolls faces: without one, this person cannot open a door by face. Say why, then add the face later on the People page (Edit → Take photo or Choose photo file).',
    reason: 'Why is there no face photo?',
    reasonPlaceholder: 'e.g. the person is not here today; the camera is broken',
    confirm: 'Save without face',
    mark: 'No face',
    markWithReason: 'No face: {{reason}}',
  },
  personFace: {
    title: 'Face photo',
    listed: 'photo',
    has: 'A face photo is on file. A new one replaces it when you save.',
    none: 'No face photo on file. Take one with the webcam or choose a photo file; it is sent with the other fields when you save.',
    noneReason: 'No face photo on file (reason given: {{reason}}). Take one with the webcam or choose a photo file; it is sent with the other fields when you save.',
    capture: 'Take photo with webcam',
    closeCamera: 'Close camera',
    chooseFile: 'Choose photo file…',
    checking: 'Checking the photo…',
    newFace: 'New face photo ready: it is saved with the other fields.',
    discard: 'Discard new photo',
    fileRefused: 'This photo cannot be used: {{reason}} Choose another photo, or take one with the webcam.',
    fileFailed: 'The face in this photo fails: {{checks}}. Choose a better photo or take one with the webcam, or keep it anyway (the failed checks are recorded).',
    keepAnyway: 'Keep it anyway',
    noFaceFound: 'No face was found in the photo.',
    manyFaces: 'The photo shows {{faces}} faces; use a photo of this person alone.',
    unreadable: 'The file is not a JPEG or PNG picture Doorman can open.',
    detectorFailed: 'The face check could not run in this window ({{reason}}).',
  },
  personCli: {
    savedNoFace: 'Note: {{pin}} has no face photo and is marked "no face". Add one later with enroll --pin {{pin}} --photo <file> (the other fields as before), or on the People page (Edit).',
  },
  idNumberCheck: {
    taken: 'This ID number is already enrolled: {{name}} ({{pin}}). Check the number; if it is the same person, edit {{pin}} on the People page instead.',
    checking: 'Checking the ID number against the site’s people…',
  },
};

/** Error texts (`errors.<code>`), spread into en.ts's errors. */
export const personChecksErrorsEn = {
  id_number_taken: 'This ID number is already enrolled: {{name}} ({{pin}}). Check the number; if it is the same person, edit {{pin}} on the People page instead.',
};

/** Field texts (`validation.<message>`), spread into en.ts's validation. */
export const personChecksValidationEn = {
  id_number_taken: 'This ID number is already enrolled on the site: {{name}} ({{pin}}). Check the number; if it is the same person, put {{pin}} on this row instead.',
  no_face_reason_required: 'Say why there is no face photo.',
  no_face_reason_too_long: `The reason is too long: at most ${NO_FACE_REASON_MAX} characters.`,
};
