import type { Service } from '../api/service';
import { call } from '../api/checked-call';
import type { Io } from './output';

/** Tabs and newlines inside a field would break the line-per-record format. */
function field(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/**
 * `hamish sync [--remote URL]`: replicates the library with a CouchDB database (docs/SYNC.md). The address is
 * remembered without its password; the password comes from the address's user part or HAMISH_SYNC_PASSWORD
 * and is never written. Prints what was sent, received and left in conflict.
 */
export async function syncCommand(service: Service, remote: string | undefined, json: boolean, io: Io) {
  if (remote !== undefined) await call(service, 'configureSync', { url: remote });
  const report = await call(service, 'syncNow', {});
  if (json) {
    const { sent, received, conflicts } = report;
    io.stdout(JSON.stringify({ sent, received, conflicts }, null, 2) + '\n');
    return 0;
  }
  io.stdout(`sent\t${report.sent}\nreceived\t${report.received}\nconflicts\t${report.conflicts.length}\n`);
  for (const conflict of report.conflicts) {
    io.stdout(`conflict\t${conflict.id}\t${field(conflict.kept)}\t${field(conflict.other)}\n`);
  }
  return 0;
}
