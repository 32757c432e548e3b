import type { Standing } from '../../../shared/domain/ledger/recheck';
import type { Conclusion } from '../../../shared/domain/ledger/recheck.schema';

/** The colour of a 复核结论 wherever it is shown. */
export const CONCLUSION_COLORS: Record<Conclusion, string> = {
  fixed: 'green',
  partly: 'gold',
  notFixed: 'red',
  relapsed: 'magenta',
};

/** The colour of what the earlier ledger said. */
export const STANDING_COLORS: Record<Standing, string> = {
  closed: 'green',
  done: 'cyan',
  open: 'orange',
  none: 'default',
};
