/**
 * One server per database file (decision 18). The server takes the lease row at start, in an IMMEDIATE
 * transaction (so two servers starting together cannot both win), and renews its heartbeat every few seconds.
 * A lease is live while its heartbeat is recent and, on this machine, its process exists: a server killed with
 * `kill -9` leaves a lease that the next start takes over at once (its process is gone), and one on another
 * machine sharing the file is taken over once its heartbeat is a few intervals old. Set-up and the scripts read
 * the lease to leave a live server's jobs alone.
 */
import { hostname as machineName } from "node:os";
import { eq } from "drizzle-orm";
import type { Db } from "./client.server";
import { serverLease, type ServerLeaseRow } from "./schema";

/** How often a server renews its lease (TANDEM_LEASE_INTERVAL_MS, for tests). */
export function leaseInterval(): number {
  const ms = Number(process.env.TANDEM_LEASE_INTERVAL_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 5_000;
}

/** A lease not renewed for this long belongs to a server that stopped without saying so. */
export const staleAfter = (interval = leaseInterval()) => 4 * interval;

export interface LeaseClaim {
  holder: string;
  pid: number;
  hostname: string;
  address: string;
}

export interface LeaseClock {
  now?: number;
  staleAfterMs?: number;
  /** This machine's name (os.hostname()). */
  hostname?: string;
  /** Whether a process of this machine exists (process.kill(pid, 0)). */
  alive?: (pid: number) => boolean;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a lease row still belongs to a running server. */
export function isLive(row: ServerLeaseRow, clock: LeaseClock = {}): boolean {
  const now = clock.now ?? Date.now();
  if (now - row.heartbeatAt > (clock.staleAfterMs ?? staleAfter())) return false;
  if (row.hostname === (clock.hostname ?? machineName()) && !(clock.alive ?? processAlive)(row.pid)) return false;
  return true;
}

/** The lease of a running server, or null when no server holds this file. */
export function liveLease(db: Db, clock: LeaseClock = {}): ServerLeaseRow | null {
  const row = db.select().from(serverLease).get();
  return row && isLive(row, clock) ? row : null;
}

export type LeaseAnswer = { taken: true; tookOver: ServerLeaseRow | null } | { taken: false; holder: ServerLeaseRow };

/** Takes the lease unless a live server holds it; a stale one is taken over (and returned, to say so). */
export function takeLease(db: Db, claim: LeaseClaim, clock: LeaseClock = {}): LeaseAnswer {
  const now = clock.now ?? Date.now();
  return db.transaction(
    (tx) => {
      const row = tx.select().from(serverLease).get();
      if (row && row.holder !== claim.holder && isLive(row, { ...clock, now })) return { taken: false as const, holder: row };
      const values = { ...claim, startedAt: now, heartbeatAt: now };
      tx.insert(serverLease)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: serverLease.id, set: values })
        .run();
      return { taken: true as const, tookOver: row && row.holder !== claim.holder ? row : null };
    },
    { behavior: "immediate" },
  );
}

/** Renews the heartbeat; false when the lease is no longer this holder's (another server took it over). */
export function renewLease(db: Db, holder: string, now = Date.now()): boolean {
  return db.update(serverLease).set({ heartbeatAt: now }).where(eq(serverLease.holder, holder)).run().changes > 0;
}

/** Records where the server answers, once it listens (a port 0 is known only then). */
export function setLeaseAddress(db: Db, holder: string, address: string): void {
  db.update(serverLease).set({ address }).where(eq(serverLease.holder, holder)).run();
}

/** Gives the lease back at a clean stop. */
export function releaseLease(db: Db, holder: string): void {
  db.delete(serverLease).where(eq(serverLease.holder, holder)).run();
}

/** "pid 1234 at http://127.0.0.1:3000 (machine m, started 12:00:03)": who holds a lease, for messages. */
export function describeLease(row: ServerLeaseRow): string {
  const started = new Date(row.startedAt).toLocaleTimeString("en-GB", { hour12: false });
  return `pid ${row.pid} at ${row.address} (machine ${row.hostname}, started ${started})`;
}

export const thisMachine = machineName;
