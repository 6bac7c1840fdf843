import type { Migration } from '../migrate.ts';

export const peopleNoFace: Migration = {
  version: 9,
  name: 'people without a face, ID numbers looked up',
  up(db) {
    db.exec(`
      -- Why a person was saved without a face photo (issue 12 item 2), as the clerk gave it; NULL
      -- when the person has a face, or was saved with none before the reason was asked for.
      ALTER TABLE people ADD COLUMN no_face_reason TEXT;

      -- An ID number belongs to one person per site (issue 12 item 3): enroll, edit and import look
      -- it up. The contract upper-cases it (a final x is an X), so the stored text compares exactly.
      CREATE INDEX people_id_number ON people (site_id, json_extract(fields, '$.idNumber'))
        WHERE json_extract(fields, '$.idNumber') IS NOT NULL;
    `);
  },
};
