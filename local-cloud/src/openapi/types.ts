export interface OpenApiCaller {
  functionName: string;
  openid: string;
  /** permissions.openapi of the calling function's config.json. */
  permissions: string[];
}

export interface OutboxEntry {
  id: string;
  /** ISO time on the emulated clock. */
  at: string;
  apiName: string;
  functionName: string;
  /** The calling user's OPENID. */
  caller: string;
  params: Record<string, unknown>;
  result: 'ok' | 'error';
  errCode?: number;
  errMsg?: string;
  /** For wxacode images: where the generated PNG was stored. */
  fileId?: string;
}
