// `apeDts/status`: which version profile a document was checked against, and why.
// Shared by the server and the client, so it imports nothing.

export const STATUS_NOTIFICATION = 'apeDts/status';

export interface StatusParams {
  uri: string;
  /** The ape-dts version profile used, e.g. `2.0.26`. */
  version: string;
  /** Why that profile (the `apeDts.version` setting, or what `auto` saw in the file). */
  reason: string;
}
