import type { Rule } from '../types';
import { gr023 } from './gr023-government-accountability';
import { gr024 } from './gr024-processing-fee';
import { gr201 } from './gr201-year-mismatch';
import { gr202 } from './gr202-publication-date';
import { gr203 } from './gr203-malformed-date';
import { gr204 } from './gr204-plan-year';
import { gr210 } from './gr210-text-vs-tables';
import { gr211 } from './gr211-claim-vs-t4';
import { gr212 } from './gr212-text-parts-exceed-total';
import { gr213 } from './gr213-rate';
import { gr214 } from './gr214-none-claimed';
import { gr301 } from './gr301-carry-over';
import { gr302 } from './gr302-stock-carry-over';
import { gr303 } from './gr303-repeated-text';

/** Text, date and cross-report rules (GR2xx, GR3xx) and the content checks GR023/GR024. */
export const TEXT_RULES: Rule[] = [gr023, gr024, gr201, gr202, gr203, gr204, gr210, gr211, gr212, gr213, gr214, gr301, gr302, gr303];
