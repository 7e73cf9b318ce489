/**
 * scripts/ensure-chromium.mjs, run as `npm test` runs it, against stand-ins for apt-get and
 * fontconfig on PATH: what it installs, and the one line it prints when it may not install.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', 'ensure-chromium.mjs');

interface Machine {
  dir: string;
  chromium: string;
  /** Arguments of every apt-get call, one line each. */
  aptCalls(): string[];
}

/**
 * A fake machine: `apt-get` records its arguments and "installs" chromium and the fonts; `fc-list`
 * lists a Chinese font once the fonts are there.
 */
function machine({ chromium, fonts, fontconfig = true }: { chromium: boolean; fonts: boolean; fontconfig?: boolean }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ensure-chromium-'));
  chmodSync(dir, 0o777);
  const bin = path.join(dir, 'bin');
  const chromiumPath = path.join(dir, 'chromium');
  const fontsMarker = path.join(dir, 'fonts-installed');
  const log = path.join(dir, 'apt.log');
  spawnSync('mkdir', ['-p', bin]);
  chmodSync(bin, 0o755);
  const script = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  script(
    'apt-get',
    [
      `echo "$*" >> ${log}`,
      `case " $* " in *" install "*) ;; *) exit 0 ;; esac`,
      `case " $* " in *" chromium "*) : > ${chromiumPath} ;; esac`,
      `case " $* " in *" fonts-noto-cjk "*) : > ${fontsMarker} ;; esac`,
    ].join('\n'),
  );
  if (fontconfig) script('fc-list', `[ -e ${fontsMarker} ] && echo "Noto Sans CJK SC"; exit 0`);
  if (chromium) writeFileSync(chromiumPath, '');
  if (fonts) writeFileSync(fontsMarker, '');
  const m: Machine = {
    dir,
    chromium: chromiumPath,
    aptCalls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
  };
  return m;
}

function run(m: Machine, opts: { uid?: number } = {}) {
  const r = spawnSync(process.execPath, [SCRIPT], {
    env: { PATH: path.join(m.dir, 'bin'), CHROMIUM_PATH: m.chromium, HOME: m.dir },
    encoding: 'utf8',
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const machines: Machine[] = [];
const fresh = (spec: Parameters<typeof machine>[0]) => {
  const m = machine(spec);
  machines.push(m);
  return m;
};
afterAll(() => {
  for (const m of machines) rmSync(m.dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;
// Being root, the test can run the script as "nobody"; elsewhere that case cannot be set up.
const asRootOnly = isRoot ? test : test.skip;

describe('as root', () => {
  asRootOnly('Chromium there, no CJK font: installs fonts-noto-cjk (and only that)', () => {
    const m = fresh({ chromium: true, fonts: false });
    const r = run(m);
    expect(r.status).toBe(0);
    const installs = m.aptCalls().filter((c) => c.includes('install'));
    expect(installs).toHaveLength(1);
    expect(installs[0]?.split(' ')).toContain('fonts-noto-cjk');
    expect(installs[0]?.split(' ')).not.toContain('chromium');
  });

  asRootOnly('neither there: installs both', () => {
    const m = fresh({ chromium: false, fonts: false });
    const r = run(m);
    expect(r.status).toBe(0);
    const install = m
      .aptCalls()
      .find((c) => c.includes('install'))
      ?.split(' ');
    expect(install).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk']));
    expect(existsSync(m.chromium)).toBe(true);
  });

  asRootOnly('both there: apt-get is not called', () => {
    const m = fresh({ chromium: true, fonts: true });
    expect(run(m).status).toBe(0);
    expect(m.aptCalls()).toEqual([]);
  });

  asRootOnly('no fontconfig and no dpkg to ask: does not insist on fonts', () => {
    const m = fresh({ chromium: true, fonts: false, fontconfig: false });
    expect(run(m).status).toBe(0);
    expect(m.aptCalls()).toEqual([]);
  });
});

describe('not root', () => {
  asRootOnly('fonts missing: one clear line naming the package, nothing installed', () => {
    const m = fresh({ chromium: true, fonts: false });
    const r = run(m, { uid: 65534 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/fonts-noto-cjk/);
    expect(lines[0]).not.toMatch(/"chromium"/);
    expect(m.aptCalls()).toEqual([]);
  });

  asRootOnly('Chromium missing: one clear line naming both packages', () => {
    const m = fresh({ chromium: false, fonts: false });
    const r = run(m, { uid: 65534 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install -y chromium fonts-noto-cjk/);
    expect(m.aptCalls()).toEqual([]);
  });
});
