// node --test scripts/check-doc-links.test.mjs (part of `npm run lint`)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocLinks, headingAnchors, markdownLinks } from './check-doc-links.mjs';

const repo = {
  'README.md': '',
  'docs/business-rules.md':
    '# Rules\n\n## 3. Attribution: which channel\n\n## 9. `getWXContext()`\n\n## Notes\n\n## Notes\n',
  'docs/screens/a b.png': '',
  'shared/README.md': '',
  'shared/src/index.ts': '',
};

function problemsOf(markdown, file = 'README.md') {
  const files = { ...repo, [file]: markdown };
  return checkDocLinks({ files: [file], repoFiles: Object.keys(files), read: (rel) => files[rel] }).map(
    (p) => `${p.line}:${p.target}`,
  );
}

test('links inside the repository that exist pass: files, folders, images, anchors, web links', () => {
  const ok = [
    '[d](docs/business-rules.md)',
    '[d](./docs/business-rules.md#3-attribution-which-channel)',
    '[d](docs/business-rules.md#9-getwxcontext)',
    '[d](docs/business-rules.md#notes-1)',
    '[src](shared/src/)',
    '[src](shared/src)',
    '![shot](<docs/screens/a b.png>)',
    '![shot](docs/screens/a%20b.png "title")',
    '[top](#)',
    '[web](https://example.com/x) <https://example.com> [mail](mailto:a@example.com)',
    '[ref]: shared/README.md',
    '<img src="docs/screens/a b.png"> <a href="docs/business-rules.md">d</a>',
  ];
  assert.deepEqual(problemsOf(ok.join('\n')), []);
  assert.deepEqual(problemsOf('[up](../README.md) [here](business-rules.md#rules)', 'docs/x.md'), []);
});

test('a link to a path outside the repository fails', () => {
  assert.deepEqual(problemsOf('see [spec](../shared/spec/domain.md)'), ['1:../shared/spec/domain.md']);
  assert.deepEqual(problemsOf('[x](../../steering/README.md)', 'docs/x.md'), ['1:../../steering/README.md']);
});

test('absolute paths and file: URLs fail even when they point into the checkout', () => {
  assert.deepEqual(
    problemsOf('[a](/work/shared/spec/domain.md)\n[b](/docs/business-rules.md)\n[c](file:///work/x.md)'),
    ['1:/work/shared/spec/domain.md', '2:/docs/business-rules.md', '3:file:///work/x.md'],
  );
});

test('a link to a missing file, folder or heading fails', () => {
  assert.deepEqual(problemsOf('[a](docs/nope.md)\n\n[b](shared/spec/)\n[c](docs/business-rules.md#nope)\n[d](#nope)'), [
    '1:docs/nope.md',
    '3:shared/spec/',
    '4:docs/business-rules.md#nope',
    '5:#nope',
  ]);
});

test('links inside code are not links', () => {
  const md = '`[a](../outside.md)`\n\n```md\n[b](/abs/path.md)\n```\n\n~~~\n[c](missing.md)\n~~~\n';
  assert.deepEqual(markdownLinks(md), []);
  assert.deepEqual(problemsOf(md), []);
  assert.deepEqual(markdownLinks('``code with ` inside`` then [x](y.md)'), [{ target: 'y.md', line: 1 }]);
});

test('heading anchors follow GitHub: lower case, punctuation dropped, repeats numbered, CJK kept', () => {
  const anchors = headingAnchors('# 老带新 · clinic referral\n## 5. Values, queries and updates (EJSON)\n## A\n## A\n');
  assert.deepEqual([...anchors], ['老带新--clinic-referral', '5-values-queries-and-updates-ejson', 'a', 'a-1']);
});
