/**
 * The errors the core throws for a person to read, in one place: every layer above catches them by class and shows
 * the message as it is, so each message is a sentence a translator understands.
 */

/** An edit the alignment or the segments do not allow (a link that is not there, an empty segment): nothing changed. */
export class EditRefused extends Error {}
