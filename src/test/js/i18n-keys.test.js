// Every language file under webroot/js/i18n holds the same texts: the same keys (plural forms included) and the
// same {placeholders} in each, so no page shows a bare key or drops a number in one language. A new language file is
// found by itself, and must be one the page offers (i18n.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { languages, roleKeys } from '../../../webroot/js/i18n.js';

const dir = new URL('../../../webroot/js/i18n/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.js')).sort();
const texts = Object.fromEntries(await Promise.all(files.map(async (name) => {
  const lang = name.slice(0, -'.js'.length);
  const module = await import(new URL(name, dir));
  return [lang, module[lang]];
})));

// key path -> text, for every text of a language ({one, other} plural forms are texts of their own).
function leaves(node, path = '') {
  return Object.entries(node).flatMap(([key, value]) => (typeof value === 'object' && value !== null
    ? leaves(value, `${path}${key}.`) : [[`${path}${key}`, value]]));
}

const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

test('there are language files, and the page offers each of them', () => {
  assert.ok(files.length >= 2, files.join());
  assert.deepEqual([...languages].sort(), Object.keys(texts).sort());
});

test('every role the server knows has a name, and nothing else is named a role', () => {
  for (const [lang, text] of Object.entries(texts)) {
    assert.deepEqual(Object.keys(text.roles).sort(), [...roleKeys].sort(), lang);
  }
});

for (const lang of Object.keys(texts)) {
  test(`${lang}.js exports its texts under its own name, each a text that is not empty`, () => {
    assert.equal(typeof texts[lang], 'object', `${lang}.js exports const ${lang}`);
    for (const [key, text] of leaves(texts[lang])) {
      assert.ok(typeof text === 'string' && text.trim() !== '', `${lang}: ${key}`);
    }
  });
}

const [first, ...others] = Object.keys(texts);
for (const lang of others) {
  test(`${lang}.js has the keys and placeholders of ${first}.js`, () => {
    const mine = new Map(leaves(texts[lang]));
    const theirs = new Map(leaves(texts[first]));
    assert.deepEqual([...theirs.keys()].filter((key) => !mine.has(key)), [], `missing in ${lang}.js`);
    assert.deepEqual([...mine.keys()].filter((key) => !theirs.has(key)), [], `missing in ${first}.js`);
    const differ = [...theirs].filter(([key, text]) => placeholders(text).join() !== placeholders(mine.get(key)).join());
    assert.deepEqual(differ.map(([key]) => key), [], `placeholders differ between ${first}.js and ${lang}.js`);
  });
}
