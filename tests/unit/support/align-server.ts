/**
 * A stand-in for the server in the restart test: opens the database given as argv[2], starts an alignment
 * queue (which resumes queued pairs) and prints "started" — the test then kills this process mid-alignment.
 */
import { openDatabase } from "../../../db/client.server";
import { AlignmentQueue } from "../../../app/models/alignment-queue.server";

const db = openDatabase(process.argv[2]);
const queue = new AlignmentQueue(db);
queue.resume();
console.log("started");
await queue.idle();
console.log("idle");
