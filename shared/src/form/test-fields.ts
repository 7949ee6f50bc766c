/** Field descriptions for the form layer's tests, parsed with the catalogue's own schema. */
import { FieldDescription } from '../catalogue/fields';

const label = (zh: string, en: string) => ({ zh, en });

/** One field of each kind (and a group), as a catalogue file would describe them. */
export const sampleFields: FieldDescription[] = [
  {
    id: 'applicantName',
    kind: 'text',
    label: label('申请人姓名', 'Applicant name'),
    required: true,
    prefill: 'name',
  },
  {
    id: 'gender',
    kind: 'choice',
    label: label('性别', 'Gender'),
    prefill: 'gender',
    options: [
      { value: 'male', label: label('男', 'Male') },
      { value: 'female', label: label('女', 'Female') },
    ],
  },
  { id: 'nation', kind: 'text', label: label('民族', 'Ethnic group'), prefill: 'nation' },
  { id: 'birthDate', kind: 'date', label: label('出生日期', 'Date of birth'), prefill: 'birthDate' },
  { id: 'homeAddress', kind: 'address', label: label('住址', 'Address'), prefill: 'address' },
  {
    id: 'idNumber',
    kind: 'idNumber',
    label: label('身份证号码', 'ID number'),
    required: true,
    prefill: 'idNumber',
  },
  { id: 'issuer', kind: 'text', label: label('签发机关', 'Issued by'), prefill: 'issuer' },
  { id: 'validity', kind: 'text', label: label('有效期限', 'Valid'), prefill: 'validity' },
  {
    id: 'contactPhone',
    kind: 'phone',
    label: label('联系电话', 'Contact phone'),
    required: true,
    validation: {
      message: label('请填写能联系到您的电话号码。', 'Please give a phone number we can reach you on.'),
    },
  },
  {
    id: 'monthlyIncome',
    kind: 'number',
    label: label('月收入', 'Monthly income'),
    validation: {
      min: 0,
      max: 100000,
      message: label('请填写0到10万之间的金额。', 'Enter an amount from 0 to 100,000.'),
    },
  },
  { id: 'livesAlone', kind: 'yesNo', label: label('是否独居', 'Lives alone') },
  {
    id: 'children',
    kind: 'group',
    label: label('子女', 'Children'),
    minItems: 0,
    maxItems: 2,
    fields: [
      { id: 'childName', kind: 'text', label: label('子女姓名', "Child's name"), required: true },
      { id: 'childPhone', kind: 'phone', label: label('子女电话', "Child's phone") },
    ],
  },
].map((f) => FieldDescription.parse(f));

/** The sample field with this id. */
export function fieldOf(id: string): FieldDescription {
  const f = sampleFields.find((x) => x.id === id);
  if (!f) throw new Error(`no sample field ${id}`);
  return f;
}
