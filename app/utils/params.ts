/** A route's numeric id (`params.id`): a positive integer, else a 404 answering `message`. */
export function idParam(param: string | undefined, message: string): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response(message, { status: 404 });
  return id;
}

/** A pair's id in a route's address (`/pairs/:id/…`). */
export const pairIdParam = (param: string | undefined) => idParam(param, "There is no pair at this address.");
