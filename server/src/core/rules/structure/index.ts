import type { Rule } from '../types';
import { gr001 } from './gr001-missing-section';
import { gr002 } from './gr002-section-order';
import { gr003 } from './gr003-duplicate-section';
import { gr004 } from './gr004-section-title-variant';
import { gr005 } from './gr005-legacy-structure';
import { gr006 } from './gr006-template-placeholder';
import { gr009 } from './gr009-unused-suppression';
import { gr010 } from './gr010-missing-table';
import { gr012 } from './gr012-unreadable-table';
import { gr014 } from './gr014-collapsed-text';
import { gr020 } from './gr020-table-version';
import { gr021 } from './gr021-mixed-versions';
import { gr022 } from './gr022-notice-year';

export const STRUCTURE_RULES: Rule[] = [gr001, gr002, gr003, gr004, gr005, gr006, gr009, gr010, gr012, gr014, gr020, gr021, gr022];
