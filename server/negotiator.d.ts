/** The part of negotiator 1.x that `server/encoding.ts` uses (the package ships no types). */
declare module "negotiator" {
  import type { IncomingHttpHeaders } from "node:http";

  export default class Negotiator {
    constructor(request: { headers: IncomingHttpHeaders });
    /** The client's best encoding among `available`; `preferred` breaks ties of equal quality. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
}
