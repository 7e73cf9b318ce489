import { randomUUID } from 'node:crypto';

/** Who is calling: what WeChat would put into the function's getWXContext(). */
export interface Caller {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** wx_client (mini-program), wx_trigger (timer), wx_http … */
  source: string;
  clientIp?: string;
}

export interface Invocation {
  id: string;
  functionName: string;
  caller: Caller;
  openapiPermissions: string[];
  /** Database round trips this invocation made (each wire request to database.*). */
  dbRoundTrips: number;
  startedAt: number;
}

/**
 * Live invocations by id. The id travels in the path of the SDK's backend URL
 * (`/inv/<id>/admin`), which is how the wire layer knows whose request it is.
 */
export class InvocationRegistry {
  private readonly live = new Map<string, Invocation>();

  open(functionName: string, caller: Caller, openapiPermissions: string[]): Invocation {
    const invocation: Invocation = {
      id: randomUUID().replace(/-/g, ''),
      functionName,
      caller,
      openapiPermissions,
      dbRoundTrips: 0,
      startedAt: Date.now(),
    };
    this.live.set(invocation.id, invocation);
    return invocation;
  }

  get(id: string): Invocation | undefined {
    return this.live.get(id);
  }

  close(id: string): void {
    this.live.delete(id);
  }
}
