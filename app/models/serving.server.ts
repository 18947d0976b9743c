import { randomUUID } from "node:crypto";
import { DEFAULT_DATABASE_PATH, getDb, setBusyTimeout } from "../../db/client.server";
import { describeLease, leaseInterval, releaseLease, renewLease, setLeaseAddress, takeLease, thisMachine } from "../../db/lease.server";
import { alignmentQueue } from "./alignment-queue.server";
import { SERVER_BUSY_TIMEOUT_MS, whenWritable } from "./busy.server";

/**
 * What `npm run serve` (server/index.mjs) does with the database before and while it serves (decision 18): take
 * the file's lease or refuse to start, renew it, switch the connection to short lock waits, resume the
 * interrupted alignments (which are this server's alone), and give the lease back at a clean stop.
 */

export interface Serving {
  holder: string;
  /** Records the address the server answers on, once it listens. */
  listening(address: string): void;
  /** Stops renewing and gives the lease back (a clean stop). */
  stop(): void;
}

export type ServingStart = { ok: true; serving: Serving; note: string | null } | { ok: false; message: string };

export function startServing(address: string): ServingStart {
  const file = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  const db = getDb();
  const holder = randomUUID();
  const answer = takeLease(db, { holder, pid: process.pid, hostname: thisMachine(), address });
  if (!answer.taken) {
    return {
      ok: false,
      message:
        `Tandem is already running on the database ${file}: ${describeLease(answer.holder)}. ` +
        "Open that address, or stop that server first. To run a second Tandem beside it, give it another database: " +
        "DATABASE_PATH=data/other.sqlite PORT=3001 npm run serve (after DATABASE_PATH=data/other.sqlite npm run setup).",
    };
  }
  setBusyTimeout(db, SERVER_BUSY_TIMEOUT_MS);
  let lost = false;
  const timer = setInterval(() => {
    void whenWritable((db) => renewLease(db, holder))
      .then((kept) => {
        if (kept || lost) return;
        lost = true;
        console.error(
          `Tandem: WARNING: another server took over the database ${file} (this one did not renew its lease in time). ` +
            "Stop this server: two servers on one database can undo each other's work.",
        );
      })
      .catch(() => {
        // Busy for the whole deadline: the next beat tries again, well before the lease goes stale.
      });
  }, leaseInterval());
  timer.unref();
  alignmentQueue(holder);
  return {
    ok: true,
    note: answer.tookOver ? `Tandem: took over the database from a server that stopped without releasing it (${describeLease(answer.tookOver)})` : null,
    serving: {
      holder,
      listening: (where) => setLeaseAddress(db, holder, where),
      stop: () => {
        clearInterval(timer);
        try {
          releaseLease(db, holder);
        } catch {
          // Locked at the very end: the lease goes stale and is taken over at the next start.
        }
      },
    },
  };
}
