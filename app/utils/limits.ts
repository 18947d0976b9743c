/** Limits shared by the server and the browser (a `.server` module would be empty in the browser bundle). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
export const MAX_TITLE = 300;
