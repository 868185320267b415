/**
 * An error whose message is safe to show to a user as it is: bad input, a
 * refused ingest, a missing permission. Anything else is a bug: adapters log
 * it and show a short generic reply instead.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}
