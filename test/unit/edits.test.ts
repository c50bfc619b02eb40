import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/text/edits';
import { applyEdits as fromFixAll } from '../../server/src/core/features/fixAll';
import { applyEdits as fromFormatting } from '../../server/src/core/features/formatting';
import { guessBodyKind } from '../../server/src/core/features/templates';
import { bodyKindOfName } from '../../server/src/core/prose/bodyKind';

const edit = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });

describe('applyEdits: one implementation in the core', () => {
  it('fix-all and formatting use the same function', () => {
    assert.equal(fromFixAll, applyEdits);
    assert.equal(fromFormatting, applyEdits);
  });

  it('applies edits given in any order, by position, on UTF-16 offsets', () => {
    const text = '𠮷一、总体情况\n二、主动公开';
    assert.equal(applyEdits(text, [edit(9, 11, '三、'), edit(0, 2, '')]), '一、总体情况\n三、主动公开');
  });

  it('drops an edit that overlaps one already applied (never splices into changed text)', () => {
    assert.equal(applyEdits('abcdef', [edit(1, 4, 'X'), edit(2, 5, 'Y')]), 'aXef');
    assert.equal(applyEdits('abcdef', [edit(2, 5, 'Y'), edit(1, 4, 'X')]), 'aXef');
  });

  it('keeps adjacent edits and insertions at one offset in their given order', () => {
    assert.equal(applyEdits('abc', [edit(1, 1, 'X'), edit(1, 1, 'Y'), edit(1, 2, 'B')]), 'aXYBc');
    assert.equal(applyEdits('abc', []), 'abc');
  });
});

describe('body kind: one classifier', () => {
  it('county-level names without 局/委/办 are governments, in both entry points', () => {
    for (const name of ['紫阳县', '紫阳县人民政府', '淮安市', '清江浦区', '鄂托克旗']) {
      assert.equal(bodyKindOfName(name), 'government', name);
      assert.equal(guessBodyKind(name), 'government', name);
    }
  });

  it('offices, bureaus and commissions are departments', () => {
    for (const name of ['紫阳县人民政府办公室', '淮安市生态环境局', '某市发展和改革委员会', '某县教育局']) {
      assert.equal(bodyKindOfName(name), 'department', name);
      assert.equal(guessBodyKind(name), 'department', name);
    }
  });

  it('a name it cannot tell: unknown to the checker, a department for the new-report command', () => {
    assert.equal(bodyKindOfName(''), null);
    assert.equal(guessBodyKind(''), 'department');
  });
});
