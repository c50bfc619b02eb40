/**
 * memoByString stores copies of its keys and string results (text/memo.ts): a key sliced from a
 * document must not keep that document alive once it is replaced. The probe runs in a child with
 * --expose-gc, memoising slices of 24 documents of ~4 MB each, and reads the heap after a full GC.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { detachString } from '../../server/src/core/text/memo';

describe('detachString / memoByString: copies that do not hold their source', () => {
  it('gives back the same text, astral characters and long strings included', () => {
    const long = '政府信息公开𠀀\r\n'.repeat(3000);
    for (const s of ['', 'a', '表一', '（一）主动公开情况𠮷', ' x ', long, long.slice(7, 9000)]) {
      assert.equal(detachString(s), s);
    }
  });

  it('a memo over slices of many large documents does not keep the documents alive', () => {
    const probe = `
      const { memoByString } = require('./server/src/core/text/memo.ts');
      const mode = process.argv[1];
      const memo = memoByString((s) => s.slice(2), 100000);
      const raw = [];
      for (let r = 0; r < 24; r++) {
        const doc = ('政府信息公开工作年度报告' + r + '\\n').repeat(150000); // ~4 MB of two-byte text
        const key = doc.slice(r * 7, r * 7 + 40);
        if (mode === 'raw') raw.push(key); else memo(key);
      }
      gc(); gc();
      process.stdout.write(String(Math.round(process.memoryUsage().heapUsed / 1e6)));
    `;
    const run = (mode: string): number => {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', probe, mode], { encoding: 'utf8', timeout: 60000 });
      assert.equal(r.status, 0, r.stderr);
      return Number(r.stdout.trim());
    };
    const held = run('raw');
    const memoised = run('memo');
    // The raw slices keep all 24 documents (~100 MB); the memo's copies keep none of them.
    assert.ok(held > 80, `control: raw slices should hold the documents (${held} MB)`);
    assert.ok(memoised < 30, `memo keeps ${memoised} MB after GC`);
  });
});
