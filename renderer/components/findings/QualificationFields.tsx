import { Checkbox } from 'antd';
import {
  RESPONSIBILITIES,
  type FindingFields,
} from '../../../shared/domain/findings/finding.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { Field, type FieldProblems } from '../records/Field';
import { options } from '../options';
import { BasisInput } from './BasisInput';

const f = zh.finding.fields;

type Qualification = Pick<FindingFields, 'basis' | 'responsibilities' | 'immediate'>;

/**
 * How a finding is qualified: the rule it breaks (定性依据), whose responsibility it is
 * (责任指向, several may apply) and whether the unit began correcting it at once (立行立改).
 * Changes go to the finding's editor like every other field.
 */
export function QualificationFields(props: {
  caseId: string;
  values: Qualification;
  problems: FieldProblems;
  change: (patch: Partial<Qualification>) => void;
}) {
  const { values, problems, change } = props;
  return (
    <>
      <Field name="basis" label={f.basis} problems={problems}>
        <BasisInput
          caseId={props.caseId}
          value={values.basis}
          onChange={(basis) => change({ basis })}
        />
      </Field>
      <Field name="responsibilities" label={f.responsibilities} problems={problems}>
        <Checkbox.Group
          aria-label={f.responsibilities}
          options={options(RESPONSIBILITIES, zh.finding.responsibilities)}
          value={values.responsibilities}
          onChange={(responsibilities) => change({ responsibilities })}
        />
      </Field>
      <Checkbox
        checked={values.immediate}
        onChange={(e) => change({ immediate: e.target.checked })}
        style={{ marginBottom: 24 }}
      >
        {f.immediate}
      </Checkbox>
    </>
  );
}
