import { endpointIndex } from '../endpoint-table.ts';
import type { ZkbioEndpoint } from './envelope.ts';
import { levelEndpoints } from './endpoints/levels.ts';
import { masterDataEndpoints } from './endpoints/master-data.ts';
import { deviceDoorEndpoints } from './endpoints/devices-doors.ts';
import { personEndpoints } from './endpoints/persons.ts';
import { readerVisitorEndpoints } from './endpoints/readers-visitors.ts';
import { transactionEndpoints } from './endpoints/transactions.ts';
import { attendanceEndpoints } from './endpoints/attendance.ts';
import { bioTemplateEndpoints } from './endpoints/biotemplates.ts';
import { faceKioskEndpoints } from './endpoints/facekiosk.ts';
import { entranceControlEndpoints } from './endpoints/entrance-control.ts';
import { parkingConsumptionEndpoints } from './endpoints/parking-consumption.ts';
import { videoEndpoints } from './endpoints/video.ts';
import { parkingEndpoints } from './endpoints/parking.ts';
import { spaceEndpoints } from './endpoints/space.ts';
import { parkingCostEndpoints } from './endpoints/parking-cost.ts';

/**
 * Every endpoint of "ZKBio CVSecurity 3rd Party API" v1.2 (217 sections, 2.1.1–2.47.2), in document
 * order, one file per run of chapters. Paths are the document's Request URL rows with the conversion
 * artefacts repaired; where a path or method deliberately differs from the printed one, the entry's
 * notes quote the document (`doc URL literally …`). `access_token` is never a field: the client adds it.
 */
export const zkbioEndpoints: readonly ZkbioEndpoint[] = [
  ...levelEndpoints,
  ...masterDataEndpoints,
  ...deviceDoorEndpoints,
  ...personEndpoints,
  ...readerVisitorEndpoints,
  ...transactionEndpoints,
  ...attendanceEndpoints,
  ...bioTemplateEndpoints,
  ...faceKioskEndpoints,
  ...entranceControlEndpoints,
  ...parkingConsumptionEndpoints,
  ...videoEndpoints,
  ...parkingEndpoints,
  ...spaceEndpoints,
  ...parkingCostEndpoints,
];

/** An endpoint of the table by its id. */
export const zkbioEndpointById = endpointIndex(zkbioEndpoints);
