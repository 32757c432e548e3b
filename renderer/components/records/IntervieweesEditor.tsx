import { Button, Col, Input, Row } from 'antd';
import { lengthLimit } from '../lengthLimit';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Interviewee } from '../../../shared/domain/records/interview.schema';
import { zh } from '../../../shared/i18n/zh-CN';

const f = zh.interview.fields;
const blank: Interviewee = { name: '', unit: '', title: '', political: '' };

/** 被谈话人: one row per person (a 集体谈 has several). Read-only: shown, selectable. */
export function IntervieweesEditor(props: {
  value: readonly Interviewee[];
  onChange: (people: Interviewee[]) => void;
  readOnly?: boolean;
}) {
  const { readOnly = false } = props;
  const people = props.value.length > 0 ? props.value : [blank];
  const set = (i: number, patch: Partial<Interviewee>) =>
    props.onChange(people.map((p, j) => (i === j ? { ...p, ...patch } : p)));
  return (
    <div>
      {people.map((p, i) => (
        <Row gutter={8} key={i} style={{ marginBottom: 8 }} data-testid="interviewee">
          <Col span={5}>
            <Input
              aria-label={f.intervieweeName}
              placeholder={f.intervieweeName}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : undefined}
              value={p.name}
              count={lengthLimit(20)}
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </Col>
          <Col span={8}>
            <Input
              aria-label={f.intervieweeUnit}
              placeholder={f.intervieweeUnit}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : undefined}
              value={p.unit}
              count={lengthLimit(100)}
              onChange={(e) => set(i, { unit: e.target.value })}
            />
          </Col>
          <Col span={5}>
            <Input
              aria-label={f.intervieweeTitle}
              placeholder={f.intervieweeTitle}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : undefined}
              value={p.title}
              count={lengthLimit(50)}
              onChange={(e) => set(i, { title: e.target.value })}
            />
          </Col>
          <Col span={4}>
            <Input
              aria-label={f.intervieweePolitical}
              placeholder={f.intervieweePolitical}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : undefined}
              value={p.political}
              count={lengthLimit(20)}
              onChange={(e) => set(i, { political: e.target.value })}
            />
          </Col>
          <Col span={2}>
            {people.length > 1 && !readOnly && (
              <Button
                type="text"
                aria-label={zh.common.remove}
                icon={<DeleteOutlined />}
                onClick={() => props.onChange(people.filter((_, j) => j !== i))}
              />
            )}
          </Col>
        </Row>
      ))}
      {!readOnly && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => props.onChange([...people, blank])}
        >
          {zh.interview.addInterviewee}
        </Button>
      )}
    </div>
  );
}
