/**
 * Pathological inputs for `npm run bench` (they used to be wall-clock assertions in the unit tests,
 * which only check behaviour now): each is timed once through analyze() and printed, target 1000 ms.
 */
import { analyze } from '../server/src/core/analyze';

const cols = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\t');
export const STRESS: { name: string; text: () => string }[] = [
  { name: 'binary bytes (20k)', text: () => Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') },
  { name: '5 MB single line', text: () => '一、总体情况'.repeat(10) + '１２３４５６，　'.repeat(600000) },
  { name: '500-column table', text: () => `某县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t${cols(499, (i) => `列${i}`)}\n规章\t${cols(499, String)}\n` },
  { name: '20000 numbered headings', text: () => Array.from({ length: 20000 }, (_, i) => `（${i % 9 + 1}）小标题${i}`).join('\n') },
  { name: 'pathological prose', text: () => ('其中'.repeat(2000) + '1件'.repeat(2000) + '（'.repeat(2000) + '未收到申请'.repeat(500) + '均获维持，办结率100%'.repeat(500) + '\n').repeat(20) },
  { name: 'huge tab/pipe lines', text: () => '1\t'.repeat(2_500_000) + '\n' + '|'.repeat(5_000_000) },
];

export function runStress(): void {
  console.log('\npathological inputs (analyze once, target ≤ 1000 ms):');
  for (const s of STRESS) {
    const text = s.text();
    const t = process.hrtime.bigint();
    analyze(text);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(`  ${s.name.padEnd(26)}${ms.toFixed(1).padStart(9)} ms  ${ms <= 1000 ? 'yes' : 'NO'}`);
  }
}
