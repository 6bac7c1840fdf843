// Regenerates resources/people-template.csv and .xlsx, the import templates, with the export code:
// `node scripts/make-people-template.ts`. The example ID numbers get their check character computed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PersonFields } from '../shared/contract/people.ts';
import { idCheckCharacter } from '../shared/rules/id-number.ts';
import { peopleToCsv, peopleToXlsx } from '../electron/import/export-table.ts';

const withCheck = (first17: string) => first17 + idCheckCharacter(first17);

const TEMPLATE_PEOPLE: readonly PersonFields[] = [
  { pin: '1001', name: '张三', idNumber: withCheck('11010519491231002'), phone: '13800138000', gender: 'M', department: '土建一班', cardNo: '12345678', validFrom: '2026-01-01 00:00:00', validTo: '2026-12-31 23:59:59' },
  { pin: '1002', name: 'Li Si', idNumber: withCheck('44030419900101123'), phone: '13900139000', gender: 'F', department: 'Electrical', validFrom: '2026-01-01 00:00:00', validTo: '2027-06-30 23:59:59' },
];

const dir = fileURLToPath(new URL('../resources/', import.meta.url));
writeFileSync(`${dir}people-template.csv`, peopleToCsv(TEMPLATE_PEOPLE));
writeFileSync(`${dir}people-template.xlsx`, await peopleToXlsx(TEMPLATE_PEOPLE));
process.stdout.write(`${JSON.stringify({ wrote: ['resources/people-template.csv', 'resources/people-template.xlsx'], people: TEMPLATE_PEOPLE.length })}\n`);
