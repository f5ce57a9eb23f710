// Runs a file of shared vectors (src/test/resources/vectors) against the browser's modules: one test a group, each
// case checked by the group's function, which compares what the module gives with what the Java side wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// JSON with sorted keys: the Java and JavaScript objects differ only in key order.
export function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** checks: group name -> (case, expect(key, actual), fail(message)); every group of the file must have one. */
export function testVectorGroups(file, checks) {
  const vectors = JSON.parse(readFileSync(new URL(`../resources/vectors/${file}`, import.meta.url), 'utf8'));

  test(`every group of ${file} has a check here`, () => {
    assert.deepEqual(Object.keys(vectors).filter((k) => k !== 'seed').sort(), Object.keys(checks).sort());
  });

  for (const [group, check] of Object.entries(checks)) {
    test(`${file}: ${group}`, () => {
      const cases = vectors[group];
      assert.ok(cases.length > 0, 'cases present');
      const failures = [];
      cases.forEach((c, i) => {
        const fail = (message) => failures.push(`${group}[${i}] ${message}`);
        const expect = (key, actual) => {
          if (canonical(c[key]) !== canonical(actual)) {
            fail(`${key}: expected ${canonical(c[key])} but was ${canonical(actual)}`);
          }
        };
        try {
          check(c, expect, fail);
        } catch (e) {
          fail(String(e.message ?? e));
        }
      });
      assert.equal(failures.length, 0, `${failures.length} of ${cases.length} cases failed:\n${failures.join('\n')}`);
    });
  }
}
