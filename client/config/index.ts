import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import { BundleStatsPlugin } from './bundle-stats';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Hand-written Taro 4 config (webpack5 runner, React); client/README.md, "How the Taro project is set up".
 *
 * - Output goes to `dist/<platform>` so the weapp and h5 builds never overwrite each other.
 * - `@clinic/shared` is a workspace package whose entry is TypeScript source. It is reached through
 *   the node_modules symlink but webpack resolves it to its real path (../shared), which lies outside
 *   `sourceRoot`, so it must be added to the script rule's `compile.include` to be transpiled by babel.
 */
type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];

const SHARED_DIR = path.resolve(__dirname, '..', '..', 'shared');
const isSharedSource = (filename: string): boolean =>
  filename.startsWith(SHARED_DIR + path.sep) || /[\\/]node_modules[\\/]@clinic[\\/]shared[\\/]/.test(filename);

/** weapp: the optional module list for `npm run size:why` (config/bundle-stats.ts). */
function weappChain(chain: WebpackChain): void {
  const statsFile = process.env.WEAPP_STATS;
  if (statsFile) chain.plugin('bundle-stats').use(BundleStatsPlugin, [path.resolve(statsFile)]);
}

/** H5: no webpack size hints (the budget that matters is weapp's, see scripts/package-size.mjs). */
function h5Chain(chain: WebpackChain): void {
  chain.performance.hints(false);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'clinic-referral',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Taro unrolls its recursive base templates baseLevel times (weapp base.wxml); deeper trees fall back
    // to the `comp` custom component, which still renders, one setData hop slower. The customer pages in
    // the main package nest about 8 levels (measured on the H5 build, e2e/journeys/booking-in-five-taps),
    // so 10 covers them and takes ~16 KB off base.wxml (Taro's default is 16).
    baseLevel: 10,
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // WeChat Cloud env id; empty → the mini-program's default environment.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // The dev-mode prebundle must not freeze the shared TS sources into a cached bundle.
      prebundle: { exclude: ['@clinic/shared'] },
    },
    // webpack 5's persistent cache (node_modules/.cache/webpack, one per NODE_ENV × TARO_ENV):
    // a rebuild after small changes reuses everything else. Taro invalidates it when config/index
    // or app.config changes; the other files that shape the build are listed here. Sources (also
    // shared/, outside node_modules) are checked by webpack itself.
    cache: {
      enable: true,
      buildDependencies: {
        config: [
          path.join(__dirname, 'dev.ts'),
          path.join(__dirname, 'prod.ts'),
          path.join(__dirname, '..', 'babel.config.js'),
          path.join(__dirname, '..', 'package.json'),
          path.join(__dirname, '..', '..', 'package-lock.json'),
        ],
      },
    },
    mini: {
      compile: { include: [isSharedSource] },
      webpackChain: weappChain,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [isSharedSource] },
      webpackChain: h5Chain,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // `npm run dev:h5`: the Taro dev server proxies the development gateway (`npm start`, default
      // port 10086), so it listens on 10087 itself.
      devServer: {
        port: Number(process.env.H5_DEV_PORT ?? 10087),
        proxy: [
          {
            context: ['/api'],
            target: `http://127.0.0.1:${process.env.PORT ?? 10086}`,
            changeOrigin: true,
          },
        ],
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
