import type { Database, Statement } from 'better-sqlite3';

/**
 * A page of a T_SEND_PERSON / T_UPDATE_DEVICE_PERSON task durably done (`bridge_tasks`, migration of
 * issue 16 item 2): the page reached and the failed workers so far, in one statement, so a task
 * resumed after a restart continues at the next page and still reports the failures of the pages
 * before it. The row is read back through BridgeTasksTable (`currentPage`, `failedPersons`, `failedFaces`).
 */
export class BridgeTaskPages {
  private readonly pageStmt: Statement<[number, number, string | null, string | null, string, number]>;

  constructor(db: Database) {
    this.pageStmt = db.prepare(
      `UPDATE bridge_tasks SET state = 'running', current_page = ?, total_page = ?, failed_persons = ?, failed_faces = ?, updated_at = ? WHERE id = ?`,
    );
  }

  pageDone(id: number, page: { currentPage: number; totalPage: number; failedPersons: readonly unknown[]; failedFaces: readonly unknown[] }, now: string): void {
    const json = (list: readonly unknown[]) => (list.length > 0 ? JSON.stringify(list) : null);
    this.pageStmt.run(page.currentPage, page.totalPage, json(page.failedPersons), json(page.failedFaces), now, id);
  }
}
