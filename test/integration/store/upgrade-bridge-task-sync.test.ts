import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/database.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { BridgeDevicesTable } from '../../../electron/store/bridge-devices-table.ts';
import { BridgeTasksTable } from '../../../electron/store/bridge-tasks-table.ts';
import { BridgeWorkersTable } from '../../../electron/store/bridge-workers-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const T = '2026-03-01T08:00:00.000Z';

describe('upgrading a database from schema 23 (migration 024: tasks wait for their backend writes, issue 16 item 3)', () => {
  it('keeps the bridge tasks, workers and devices it finds; tasks may then be syncing, workers know their task, devices have no levels set', () => {
    const path = join(tempDir(), 'doorman.db');
    const old = openStore(path, migrations.slice(0, 23)).db;
    old.prepare(`INSERT INTO sites (id, name, name_key, address, time_zone, created_at, updated_at) VALUES (1, 'Gate house', 'gate house', '', 'Asia/Shanghai', ?, ?)`).run(T, T);
    old.prepare(`INSERT INTO bridges (id, site_id, name, tcp_host, tcp_port, https_url, tls, credentials_sealed, settings, enabled, created_at, updated_at) VALUES (1, 1, 'p', 'h', 9000, 'https://p', '{}', 'x', '{}', 1, ?, ?)`).run(T, T);
    old.prepare(`INSERT INTO bridge_devices (id, bridge_id, sn, created_at) VALUES (1, 1, 'ZJ-1', ?)`).run(T);
    old.prepare(`INSERT INTO bridge_workers (device_id, person_id, doorman_person_id, updated_at) VALUES (1, 'P1', NULL, ?)`).run(T);
    old.prepare(`INSERT INTO bridge_tasks (device_id, taskid, apicode, state, current_page, total_page, failed_faces, received_at, updated_at) VALUES (1, 'T1', 'T_SEND_PERSON', 'running', 1, 2, '[{"personId":"P2","errCode":"404_2"}]', ?, ?)`).run(T, T);
    old.close();

    const { db } = openStore(path, migrations);
    const tasks = new BridgeTasksTable(db);
    const [task] = tasks.open(1);
    expect(task).toMatchObject({ taskid: 'T1', state: 'running', currentPage: 1, totalPage: 2, failedFaces: [{ personId: 'P2', errCode: '404_2' }] });
    tasks.syncing(task!.id, { failedPersons: [], failedFaces: task!.failedFaces }, T);
    expect(tasks.get(task!.id)).toMatchObject({ state: 'syncing', failedFaces: [{ personId: 'P2', errCode: '404_2' }] });
    expect(new BridgeWorkersTable(db).list(1)).toEqual([expect.objectContaining({ personId: 'P1', enrolledTask: null })]);
    expect(new BridgeDevicesTable(db).get(1)).toMatchObject({ sn: 'ZJ-1', accessLevels: [] });
    db.close();
  });
});
