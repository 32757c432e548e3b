/** What the ledger's tables and drawer show of a task: its colour, its item, in words. */
import type { Warning } from '../../../shared/domain/ledger/warning';

export const WARNING_COLORS: Record<Warning, string> = {
  red: 'red',
  yellow: 'gold',
  green: 'green',
  blue: 'blue',
};
