import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TimerTrigger {
  name: string;
  /** 7 fields: second minute hour day-of-month month day-of-week year (Asia/Shanghai). */
  cron: string;
}

export interface FunctionDefinition {
  name: string;
  dir: string;
  entry: string;
  timeoutMs: number;
  openapiPermissions: string[];
  timers: TimerTrigger[];
}

interface ConfigJson {
  timeout?: number;
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
}

export const DEFAULT_TIMEOUT_SECONDS = 3;
/** WeChat Cloud allows at most 60 s for an event-triggered function... and 900 s for some plans; 60 is our cap. */
const MAX_TIMEOUT_SECONDS = 60;

/** Reads every built function folder (index.js + config.json), as WeChat Cloud would deploy them. */
export function loadFunctions(functionsDir: string): Map<string, FunctionDefinition> {
  const found = new Map<string, FunctionDefinition>();
  if (!existsSync(functionsDir)) return found;
  for (const name of readdirSync(functionsDir).sort()) {
    const dir = path.join(functionsDir, name);
    const entry = path.join(dir, 'index.js');
    const configFile = path.join(dir, 'config.json');
    if (!existsSync(entry)) continue;
    const config: ConfigJson = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {};
    const timeout = Math.min(config.timeout ?? DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS);
    found.set(name, {
      name,
      dir,
      entry,
      timeoutMs: timeout * 1000,
      openapiPermissions: config.permissions?.openapi ?? [],
      timers: (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, cron: t.config })),
    });
  }
  return found;
}
