import { writeFileSync } from 'node:fs';
import type { Compiler, Stats } from 'webpack';

/**
 * `WEAPP_STATS=<file> npm run build:weapp` writes webpack's module list (which module went into which
 * chunk, with its size before minification) to <file>; `npm run size:why` reads it to say what each
 * dependency costs in the main package. Off unless asked for: the file is large.
 */
export class BundleStatsPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('BundleStatsPlugin', (stats: Stats) => {
      const json = stats.toJson({
        chunks: true,
        chunkModules: true,
        modules: false,
        assets: false,
        source: false,
        reasons: false,
      });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}
