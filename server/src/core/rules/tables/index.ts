import type { Rule } from '../types';
import { gr011 } from './gr011-blank-table';
import { gr013 } from './gr013-missing-row';
import { gr101 } from './gr101-t3-row-total';
import { gr102 } from './gr102-t3-outcome-total';
import { gr103 } from './gr103-t3-balance';
import { gr104 } from './gr104-t4-block-total';
import { gr105 } from './gr105-not-a-number';
import { gr106 } from './gr106-count-not-whole';
import { gr107 } from './gr107-blank-cell';
import { gr108 } from './gr108-label-variant';
import { gr109 } from './gr109-cell-count';
import { gr110 } from './gr110-amount-unit';
import { gr111 } from './gr111-t2-implausible';
import { gr112 } from './gr112-pasted-table';

export const TABLE_RULES: Rule[] = [
  gr011, gr013, gr101, gr102, gr103, gr104, gr105, gr106, gr107, gr108, gr109, gr110, gr111, gr112,
];
