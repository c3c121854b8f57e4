/**
 * The outbox in IndexedDB (through `idb`), shared by the page and its service worker. Photos are kept as
 * Blobs next to the report until it is sent.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { QueuedReport, ReportStore } from './queue.ts';

const DB_NAME = 'bao-tin';
const VERSION = 1;

interface OutboxDb extends DBSchema {
  reports: { key: string; value: QueuedReport };
}

export class IdbStore implements ReportStore {
  private db: Promise<IDBPDatabase<OutboxDb>> | null = null;

  private open() {
    this.db ??= openDB<OutboxDb>(DB_NAME, VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('reports'))
          db.createObjectStore('reports', { keyPath: 'clientId' });
      },
      // Another tab opened a newer version: let it, and reopen next time.
      blocking: () => {
        void this.db?.then((d) => d.close());
        this.db = null;
      },
    });
    return this.db;
  }

  async all() {
    return (await this.open()).getAll('reports');
  }
  async get(clientId: string) {
    return (await this.open()).get('reports', clientId);
  }
  async put(report: QueuedReport) {
    await (await this.open()).put('reports', report);
  }
  async delete(clientId: string) {
    await (await this.open()).delete('reports', clientId);
  }
}
