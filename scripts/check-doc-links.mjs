#!/usr/bin/env node
// The repository's documents are its own: every link in a markdown file must be a web link or a
// relative path to a file or folder of this repository that exists (and, for `file.md#anchor`, to a
// heading that exists). Run by `npm run lint`; exits 1 and lists each bad link with file:line.
//
// "Of this repository" = tracked by git, or new and not git-ignored (`git ls-files --cached
// --others --exclude-standard`), so build output, node_modules and other ignored files do not count.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The lines of a markdown text with fenced code blocks emptied (line numbers kept). */
function linesWithoutFences(text) {
  let fence = null;
  return text.split('\n').map((line) => {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) {
        fence = null;
      }
      return '';
    }
    if (opener) {
      fence = opener[1];
      return '';
    }
    return line;
  });
}

const INLINE_CODE = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/** Replaces fenced code blocks and inline code with spaces, keeping line numbers and columns. */
export function withoutCode(text) {
  return linesWithoutFences(text)
    .map((line) => line.replace(INLINE_CODE, (m) => ' '.repeat(m.length)))
    .join('\n');
}

/** Every link target in a markdown text: inline links and images, reference definitions, HTML href/src. */
export function markdownLinks(text) {
  const links = [];
  const lines = withoutCode(text).split('\n');
  lines.forEach((line, i) => {
    const add = (target) => links.push({ target, line: i + 1 });
    for (const m of line.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) {
      add(m[1].startsWith('<') ? m[1].slice(1, -1) : m[1]);
    }
    const def = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (def) add(def[1].startsWith('<') ? def[1].slice(1, -1) : def[1]);
    for (const m of line.matchAll(/<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*(["'])(.*?)\1/gi)) add(m[2]);
  });
  return links;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces → hyphens, repeats get -1, -2 … */
export function headingAnchors(text) {
  const anchors = new Set();
  const seen = new Map();
  for (const line of linesWithoutFences(text)) {
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const visible = h[1]
      .replace(INLINE_CODE, (_m, _ticks, code) => code) // inline code keeps its text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
      .replace(/<[^>]+>/g, ''); // inline HTML
    const base = visible
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/**
 * The problems of the links of `files` (repository-relative, `/`-separated markdown paths).
 * `repoFiles` is every file of the repository (same form); `read(rel)` returns a file's text.
 */
export function checkDocLinks({ files, repoFiles, read }) {
  const fileSet = new Set(repoFiles);
  const dirSet = new Set();
  for (const f of repoFiles) {
    for (let d = path.posix.dirname(f); d !== '.'; d = path.posix.dirname(d)) dirSet.add(d);
  }
  const anchorCache = new Map();
  const anchorsOf = (rel) => {
    if (!anchorCache.has(rel)) anchorCache.set(rel, headingAnchors(read(rel)));
    return anchorCache.get(rel);
  };

  const problems = [];
  for (const file of files) {
    const text = read(file);
    for (const { target, line } of markdownLinks(text)) {
      const problem = checkTarget(file, target, { fileSet, dirSet, anchorsOf });
      if (problem) problems.push({ file, line, target, problem });
    }
  }
  return problems;
}

function checkTarget(file, target, { fileSet, dirSet, anchorsOf }) {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(target)?.[1]?.toLowerCase();
  if (scheme) {
    if (WEB_SCHEMES.has(scheme)) return null;
    return scheme === 'file:'
      ? 'a file: URL points outside the repository; link to a repository file with a relative path'
      : `unsupported link scheme ${scheme} (use a web link or a relative path)`;
  }
  if (target.startsWith('//')) return 'a protocol-relative URL; write https://…';
  const hash = target.indexOf('#');
  const rawPath = (hash >= 0 ? target.slice(0, hash) : target).replace(/\?.*$/, '');
  const anchor = hash >= 0 ? target.slice(hash + 1) : '';
  let linkPath;
  try {
    linkPath = decodeURIComponent(rawPath);
  } catch {
    return 'malformed percent-encoding in the path';
  }
  if (linkPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(linkPath) || linkPath.startsWith('~')) {
    return 'an absolute path; link relative to this file so the link works in every checkout';
  }
  const resolved = linkPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), linkPath));
  if (resolved === '..' || resolved.startsWith('../')) return 'points outside the repository';
  const rel = resolved.replace(/\/+$/, '');
  const isFile = fileSet.has(rel);
  if (!isFile && !dirSet.has(rel) && rel !== '.') {
    return 'no such file or folder in the repository (missing, or git-ignored)';
  }
  if (anchor && isFile && rel.endsWith('.md') && !anchorsOf(rel).has(decodeAnchor(anchor))) {
    return `no heading with the anchor #${anchor} in ${rel}`;
  }
  return null;
}

function decodeAnchor(anchor) {
  try {
    return decodeURIComponent(anchor).toLowerCase();
  } catch {
    return anchor.toLowerCase();
  }
}

/** Repository files: tracked, plus new files that are not ignored. */
export function repositoryFiles(root) {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // A tracked file deleted in the working tree is listed too, but it is gone.
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => existsSync(path.join(root, f))).sort();
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const repoFiles = repositoryFiles(root);
  const files = repoFiles.filter((f) => f.toLowerCase().endsWith('.md'));
  const read = (rel) => readFileSync(path.join(root, rel), 'utf8');
  const problems = checkDocLinks({ files, repoFiles, read });
  if (problems.length === 0) {
    console.log(`doc links: ${files.length} markdown files, every link points inside the repository`);
    return;
  }
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.target} — ${p.problem}`);
  console.error(`\ndoc links: ${problems.length} bad link(s) in ${files.length} markdown files`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
