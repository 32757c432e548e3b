/**
 * One row of a list as the 比对 reads it: the person (name, ID number as given and as read),
 * the household, and every cell as text, with the row number the file showed it under.
 */
import { birthInNumber, cleanIdText, readIdNumber, type IdProblem } from './idNumber';

/** Which column (0-based) holds what; -1 where the list has none. */
export interface ColumnMapping {
  readonly name: number;
  readonly id: number;
  readonly householder: number;
  readonly householderId: number;
  readonly relation: number;
  readonly address: number;
  readonly amount: number;
  readonly date: number;
  readonly birth: number;
}

export const MAPPING_FIELDS = [
  'name',
  'id',
  'householder',
  'householderId',
  'relation',
  'address',
  'amount',
  'date',
  'birth',
] as const satisfies readonly (keyof ColumnMapping)[];

export interface ListRow {
  /** The row number as the file shows it (a sheet's row, a CSV's line). */
  readonly n: number;
  readonly name: string;
  /** The ID number as the file gave it. */
  readonly raw: string;
  /** The valid 18-character number, or blank (see `problem`). */
  readonly id: string;
  readonly problem: IdProblem | '';
  /** YYYY-MM-DD from the number (even a wrong one), else from a birth-date column; or blank. */
  readonly birth: string;
  readonly householder: string;
  /** The householder's valid number, or blank. */
  readonly householderId: string;
  readonly relation: string;
  readonly address: string;
  readonly amount: string;
  readonly date: string;
  readonly cells: readonly string[];
}

/** A cell as text: numbers written out in full, dates as YYYY-MM-DD, the rest trimmed. */
export type CellValue = string | number | boolean | Date | null | undefined;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // 1.10105E+17 is what Excel made of a long number: kept as such, read as mangled.
    return Number.isSafeInteger(value) ? String(value) : String(value).toUpperCase();
  }
  return String(value).trim();
}

const dateText = (text: string): string => {
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
};

export function listRow(n: number, cells: readonly CellValue[], map: ColumnMapping): ListRow {
  const at = (i: number) => (i >= 0 ? cellText(cells[i]) : '');
  const raw =
    map.id >= 0 && typeof cells[map.id] === 'number' ? (cells[map.id] as number) : at(map.id);
  const read = readIdNumber(raw);
  const householder = readIdNumber(at(map.householderId));
  const birth = read.ok
    ? read.birth
    : birthInNumber(cleanIdText(String(raw))) || dateText(at(map.birth));
  return {
    n,
    name: at(map.name),
    raw: String(raw),
    id: read.ok ? read.id : '',
    problem: read.ok ? '' : read.problem,
    birth,
    householder: at(map.householder),
    householderId: householder.ok ? householder.id : '',
    relation: at(map.relation),
    address: at(map.address),
    amount: at(map.amount),
    date: at(map.date),
    cells: cells.map(cellText),
  };
}

/** A name as compared: width, spaces and the many dots of 阿卜杜·热合曼 made one. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[.．・•‧∙⋅·]/g, '·');
}
