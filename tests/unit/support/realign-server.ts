/**
 * A stand-in for the server in the realignment restart test: opens the database given as argv[2] and realigns
 * pair argv[3] (asked for by the test) — the test kills this process while the aligner runs.
 */
import { AlignmentQueue } from "../../../app/models/alignment-queue.server";
import { openDatabase } from "../../../db/client.server";

const db = openDatabase(process.argv[2]);
const queue = new AlignmentQueue(db, { progressInterval: 0 });
queue.enqueue(Number(process.argv[3]), "realign");
console.log("started");
await queue.idle();
console.log("idle");
