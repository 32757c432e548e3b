import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ENCODINGS, type Encoding } from '../../../shared/compare/csv';
import { LIST_KIND_NAMES, LIST_KINDS, type ListKind } from '../../../shared/domain/compare/kinds';
import { MAPPING_FIELDS, type ColumnMapping } from '../../../shared/domain/compare/rows';
import { zh } from '../../../shared/i18n/zh-CN';
import { useRepos } from '../../app/session';
import { listRowsOf, previewList } from '../../compare/compareClient';
import type { ListPreview } from '../../compare/protocol';
import { useCompareActions } from '../../hooks/compare';
import type { ListRecord } from '../../../shared/domain/compare/compare.schema';

const t = zh.compare;
const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

interface Loaded {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly preview: ListPreview;
}

/**
 * 导入名单: a file is read in the worker, its first rows shown, and the columns mapped (guessed
 * by their headers, or as last time for this kind of list); nothing is kept before 导入.
 */
export function ListImport({ caseId, replaces }: { caseId: string; replaces?: ListRecord }) {
  const repos = useRepos();
  const actions = useCompareActions(caseId);
  const { message } = AntApp.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [kind, setKind] = useState<ListKind | undefined>(replaces?.kind);
  const [name, setName] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (
    bytes: Uint8Array,
    fileName: string,
    options: { encoding?: Encoding; sheet?: string } = {},
  ) => {
    setBusy(true);
    setProblem(null);
    try {
      const preview = await previewList({ bytes, fileName, ...options });
      setLoaded({ bytes, fileName, preview });
      setMapping(preview.mapping);
      setName((n) => n || replaces?.name || fileName.replace(/\.[^.]+$/, ''));
      if (replaces) void applyRemembered(replaces.kind, preview);
    } catch (error) {
      setLoaded(null);
      const said = error instanceof Error ? error.message : String(error);
      // In a table's row there is no room beside the button: said above the page instead.
      if (replaces) void message.error(said);
      else setProblem(said);
    } finally {
      setBusy(false);
    }
  };

  // As this kind of list was mapped last time, where the same headers are found.
  const applyRemembered = async (k: ListKind, preview: ListPreview) => {
    const remembered = await repos.compare.rememberedMapping(k);
    const next = { ...preview.mapping } as Record<string, number>;
    for (const [field, header] of Object.entries(remembered)) {
      const at = preview.columns.indexOf(header);
      if (at >= 0) next[field] = at;
    }
    setMapping(next as unknown as ColumnMapping);
  };
  const chooseKind = async (k: ListKind) => {
    setKind(k);
    if (loaded) await applyRemembered(k, loaded.preview);
  };

  const close = () => {
    setLoaded(null);
    setMapping(null);
    setKind(replaces?.kind);
    setName('');
    setProblem(null);
  };

  const save = async () => {
    if (!loaded || !mapping || !kind) return;
    if (mapping.name < 0 || mapping.id < 0) return setProblem(t.read.needColumns);
    setBusy(true);
    try {
      const p = loaded.preview;
      const rows = await listRowsOf(
        {
          bytes: loaded.bytes,
          fileName: loaded.fileName,
          encoding: p.encoding || undefined,
          sheet: p.sheet || undefined,
        },
        mapping,
      );
      const list = await actions.addList(
        {
          kind,
          name: name.trim(),
          fileName: loaded.fileName,
          sheet: p.sheet,
          encoding: p.encoding,
          columns: [...p.columns],
          headerRow: p.headerRow,
          mapping,
        },
        rows,
        replaces?.id,
      );
      const byHeader = Object.fromEntries(
        MAPPING_FIELDS.filter((f) => mapping[f] >= 0).map((f) => [f, p.columns[mapping[f]] ?? '']),
      );
      await repos.compare.rememberMapping(kind, byHeader);
      void message.success(t.imported(list.rows, list.problems, list.duplicates));
      close();
      // A list replaced: the rules over its kind run again, and say what changed.
      if (replaces) {
        const ran = await actions.rerunKind(kind);
        if (ran) void message.info(t.ran(ran));
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const p = loaded?.preview;
  const columnChoices = [
    { value: -1, label: t.noColumn },
    ...(p?.columns ?? []).map((c, i) => ({ value: i, label: c || t.columnN(i + 1) })),
  ];
  return (
    <>
      <Upload
        accept=".xlsx,.csv,.txt"
        showUploadList={false}
        disabled={!actions.actor}
        beforeUpload={(file) => {
          void file.arrayBuffer().then((b) => load(new Uint8Array(b), file.name));
          return false;
        }}
      >
        {replaces ? (
          <Button size="small" loading={busy && !loaded} disabled={!actions.actor}>
            {t.replace}
          </Button>
        ) : (
          <Button icon={<UploadOutlined />} loading={busy && !loaded} disabled={!actions.actor}>
            {t.importList}
          </Button>
        )}
      </Upload>
      {problem && !loaded && !replaces && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={problem}
          closable
          onClose={() => setProblem(null)}
        />
      )}
      <Modal
        open={loaded !== null}
        width={960}
        title={(replaces ? t.replaceTitle(replaces.name || replaces.fileName) : t.mapTitle)(
          loaded?.fileName ?? '',
        )}
        okText={t.importRows(p?.total ?? 0)}
        okButtonProps={{
          disabled: !kind || !mapping || mapping.id < 0 || mapping.name < 0,
          loading: busy,
        }}
        onOk={() => void save()}
        onCancel={close}
        destroyOnHidden
      >
        {p && mapping && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {p.notice && <Alert type="warning" showIcon message={p.notice} />}
            {mapping.id < 0 && <Alert type="warning" showIcon message={t.read.noIdColumn} />}
            {problem && <Alert type="error" showIcon message={problem} />}
            <Form layout="inline">
              <Form.Item label={t.fields.kind} required>
                <Select
                  aria-label={t.fields.kind}
                  disabled={replaces !== undefined}
                  style={{ width: 180 }}
                  value={kind}
                  placeholder={t.pickKind}
                  onChange={(k: ListKind) => void chooseKind(k)}
                  options={LIST_KINDS.map((k) => ({ value: k, label: LIST_KIND_NAMES[k] }))}
                />
              </Form.Item>
              <Form.Item label={t.fields.name}>
                <Input
                  aria-label={t.fields.name}
                  value={name}
                  maxLength={100}
                  onChange={(e) => setName(e.target.value)}
                />
              </Form.Item>
              {p.format === 'csv' && (
                <Form.Item label={t.encoding}>
                  <Select
                    aria-label={t.encoding}
                    style={{ width: 160 }}
                    value={p.encoding || undefined}
                    onChange={(e: Encoding) =>
                      void load(loaded.bytes, loaded.fileName, { encoding: e })
                    }
                    options={ENCODINGS.map((e) => ({ value: e, label: ENCODING_NAMES[e] }))}
                  />
                </Form.Item>
              )}
              {p.sheets.length > 1 && (
                <Form.Item label={t.sheet}>
                  <Select
                    aria-label={t.sheet}
                    style={{ width: 160 }}
                    value={p.sheet}
                    onChange={(s: string) => void load(loaded.bytes, loaded.fileName, { sheet: s })}
                    options={p.sheets.map((s) => ({ value: s, label: s }))}
                  />
                </Form.Item>
              )}
            </Form>
            <Form layout="inline" data-testid="column-mapping">
              {MAPPING_FIELDS.map((field) => (
                <Form.Item
                  key={field}
                  label={t.mapping[field]}
                  required={field === 'name' || field === 'id'}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    aria-label={t.mapping[field]}
                    style={{ width: 150 }}
                    value={mapping[field]}
                    options={columnChoices}
                    onChange={(at: number) => setMapping({ ...mapping, [field]: at })}
                  />
                </Form.Item>
              ))}
            </Form>
            <Table<readonly string[]>
              size="small"
              pagination={false}
              scroll={{ x: true }}
              rowKey={(_, i) => String(i)}
              dataSource={[...p.sample]}
              columns={p.columns.map((c, i) => ({
                title: c || t.columnN(i + 1),
                key: String(i),
                render: (_, row) => row[i] ?? '',
              }))}
            />
            <span>{t.headerAt(p.headerRow, p.total)}</span>
          </Space>
        )}
      </Modal>
    </>
  );
}
