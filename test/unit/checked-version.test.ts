// The model carries ONE checkedVersion, decided by decideCheckedVersion with one precedence:
// config override > the version the year requires > the version the markers use > 2021.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';
import { decideCheckedVersion } from '../../server/src/core/standard/versions';
import { sample } from './helpers';

describe('checkedVersion', () => {
  it('precedence: override > year > used > 2021', () => {
    assert.equal(decideCheckedVersion(2020, '2021', '2021'), '2021');
    assert.equal(decideCheckedVersion(2024, '2019', '2019'), '2019');
    assert.equal(decideCheckedVersion(2020, '2021'), '2019');
    assert.equal(decideCheckedVersion(2024, '2019'), '2021');
    assert.equal(decideCheckedVersion(2012, '2019'), '2019');
    assert.equal(decideCheckedVersion(null, '2019'), '2019');
    assert.equal(decideCheckedVersion(null, null), '2021');
  });

  it('is set where the model is built and follows the config overrides in analyze', () => {
    const text = sample('huaian');
    const parsed = parseReport(text);
    assert.equal(parsed.year, 2024);
    assert.equal(parsed.checkedVersion, '2021');
    assert.equal(analyze(text).model.checkedVersion, '2021');
    assert.equal(analyze(text, { version: '2019' }).model.checkedVersion, '2019');
    assert.equal(analyze(text, { year: 2019 }).model.checkedVersion, '2019');
    assert.equal(analyze(text, { year: 2019, version: '2021' }).model.checkedVersion, '2021');
  });

  it('a text with no year and no markers is checked against 2021', () => {
    const a = analyze('一、总体情况\n\n本机关认真落实。\n');
    assert.equal(a.model.year, null);
    assert.equal(a.model.checkedVersion, '2021');
  });
});
