/**
 * The environment that points the unmodified wx-server-sdk at the local cloud: the minimal working
 * set of docs/wire-protocol.md §1 (SCF mode so it never probes Tencent's metadata host, dummy secrets
 * because it refuses to run without them, the same env id in TCB_ENV and SCF_NAMESPACE, and the
 * context keys that expose the caller's identity variables). Per-caller values are added per call.
 */
export function sdkEnvironment(envId: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
    SILENCE: 'true',
  };
}
