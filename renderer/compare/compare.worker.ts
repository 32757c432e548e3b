/**
 * 数据比对 off the main thread: reading a list file (a 200,000-row workbook takes a while),
 * making its rows, and running a rule over lists of any size, with progress. Holds nothing
 * between questions: each order brings what it needs.
 */
import { ListRefused, listRows, readListFile } from '../../shared/compare/read';
import { cellText } from '../../shared/domain/compare/rows';
import type { ListRow } from '../../shared/domain/compare/rows';
import { matchRule, sideOf, type SideList } from '../../shared/domain/compare/match';
import type { FileOrder, FromCompareWorker, ListParts, ToCompareWorker } from './protocol';

const post = (message: FromCompareWorker) => self.postMessage(message);

const read = (o: FileOrder) =>
  readListFile(o.bytes, { encoding: o.encoding, sheet: o.sheet, fileName: o.fileName });

async function side(
  lists: readonly ListParts[],
  done: { n: number },
  total: number,
): Promise<SideList[]> {
  const out: SideList[] = [];
  for (const list of lists) {
    const rows: ListRow[] = [];
    for (const part of list.parts) {
      for (const line of (await part.text()).split('\n'))
        if (line) rows.push(JSON.parse(line) as ListRow);
      done.n += 1;
      post({ type: 'progress', done: done.n, total });
    }
    out.push(sideOf(list.listId, list.columns, rows));
  }
  return out;
}

self.onmessage = async (event: MessageEvent<ToCompareWorker>) => {
  const order = event.data;
  try {
    if (order.type === 'preview') {
      const file = read(order);
      const data = file.rows.slice(file.header + 1);
      post({
        type: 'preview',
        preview: {
          format: file.format,
          encoding: file.encoding,
          sheet: file.sheet,
          sheets: file.sheets,
          columns: file.columns,
          headerRow: file.rows[file.header]!.n,
          sample: data.slice(0, 8).map((r) => r.cells.map(cellText)),
          total: data.length,
          mapping: file.mapping,
          notice: file.notice,
        },
      });
    } else if (order.type === 'rows') {
      post({ type: 'rows', rows: listRows(read(order), order.mapping) });
    } else {
      const total =
        [...order.sources, ...order.targets].reduce((n, l) => n + l.parts.length, 0) + 1;
      const done = { n: 0 };
      const targets = await side(order.targets, done, total);
      const sources = await side(order.sources, done, total);
      const matches = matchRule(order.rule, sources, targets);
      post({ type: 'progress', done: total, total });
      post({ type: 'matches', matches });
    }
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      refused: error instanceof ListRefused,
    });
  }
};
