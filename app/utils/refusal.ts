/**
 * A request the app refuses: the route answers with this status and a sentence a translator understands, and nothing
 * was written. The models' refusals extend it (one shape, one place), until every route answers it through one helper
 * (issue 13, item 5).
 */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
