import { readFileSync, readdirSync } from 'node:fs';
import { parseReport } from '../server/src/core/parse/report';
import { extractFacts } from '../server/src/core/parse/facts';
import { analyzeModel } from '../server/src/core/analyze';
import { RULES } from '../server/src/core/rules/registry';
import { stripBom } from '../server/src/core/text/source';
const D='test/fixtures/samples/';
function t(fn:()=>void,n=300){for(let i=0;i<30;i++)fn();const xs:number[]=[];for(let i=0;i<n;i++){const a=performance.now();fn();xs.push(performance.now()-a);}xs.sort((a,b)=>a-b);return xs[n>>1]!.toFixed(3);}
for (const f of readdirSync(D).filter(f=>f.endsWith('.txt')).sort()) {
  const text = stripBom(readFileSync(D+f,'utf8'));
  const m = parseReport(text);
  const per: [string,number][] = [];
  for (const r of RULES) { const x=+t(()=>analyzeModel(parseReport(text),{},[r]),100); per.push([r.code,x]); }
  const base=+t(()=>parseReport(text));
  console.log(f.slice(0,8), 'parse', base, 'facts', t(()=>extractFacts(m)), 'all', t(()=>analyzeModel(parseReport(text))), per.map(([c,x])=>[c,(x-base).toFixed(3)]).filter(([c,x])=>+x>0.03).map(a=>a.join('=')).join(' '));
}
