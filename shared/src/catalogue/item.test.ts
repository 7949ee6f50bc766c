import { describe, expect, it } from 'vitest';
import { CatalogueItem, type CatalogueItemInput } from './item';
import { parseCatalogueItem } from './issues';

const FILE = 'catalogue/sample-item.yaml';

/** A small valid item; each bad case below changes one thing. */
function good(): CatalogueItemInput {
  return {
    code: 'sample-item',
    version: 1,
    name: { zh: '示例事项', en: 'Sample item' },
    category: 'elderly-care',
    skillGroup: 'long-term-care',
    materials: [{ name: { zh: '身份证', en: 'ID card' } }],
    conditions: [{ zh: '年满60周岁', en: 'Aged 60 or over' }],
    nextSteps: [{ zh: '等待电话', en: 'Wait for a call' }],
    documents: [{ id: 'sample-receipt', kind: 'receipt', name: { zh: '回执', en: 'Receipt' } }],
    form: {
      fields: [
        {
          id: 'insuredName',
          kind: 'text',
          label: { zh: '姓名', en: 'Name' },
          required: true,
          prefill: 'name',
        },
        {
          id: 'contactPhone',
          kind: 'phone',
          label: { zh: '电话', en: 'Phone' },
          validation: { message: { zh: '请填写电话', en: 'Please enter a phone number' } },
        },
        {
          id: 'children',
          kind: 'group',
          label: { zh: '子女', en: 'Children' },
          maxItems: 3,
          fields: [{ id: 'birthDate', kind: 'date', label: { zh: '出生日期', en: 'Date of birth' } }],
        },
      ],
    },
  };
}

/** The sentences for an item changed by `change`. */
function sentences(change: (item: Record<string, unknown>) => void): string[] {
  const item = structuredClone(good()) as Record<string, unknown>;
  change(item);
  const r = parseCatalogueItem(FILE, item);
  return r.ok ? [] : r.problems.map((p) => p.sentence);
}

const fields = (item: Record<string, unknown>) => (item.form as { fields: Record<string, unknown>[] }).fields;

describe('catalogue item schema', () => {
  it('accepts a good item and fills the defaults', () => {
    const r = parseCatalogueItem(FILE, good());
    expect(r.ok).toBe(true);
    const item = CatalogueItem.parse(good());
    expect(item.consultationOnly).toBe(false);
    expect(item.printOnly).toBe(false);
    expect(item.materials[0]).toMatchObject({ form: 'original', optional: false });
    expect(item.form.fields[1]!.required).toBe(false);
    expect(item.form.fields[2]).toMatchObject({ kind: 'group', minItems: 0, maxItems: 3 });
  });

  it('names the file and the field path of a wrong field kind, with the allowed kinds', () => {
    expect(sentences((i) => (fields(i)[1]!.kind = 'telephone'))).toEqual([
      'catalogue/sample-item.yaml: form.fields[1].kind must be one of text, number, date, choice, phone, address, idNumber, yesNo, group',
    ]);
  });

  it('refuses a group inside a group', () => {
    expect(
      sentences((i) => {
        (fields(i)[2]!.fields as Record<string, unknown>[])[0]!.kind = 'group';
      }),
    ).toEqual([
      expect.stringMatching(
        /^catalogue\/sample-item\.yaml: form\.fields\[2\]\.fields\[0\]\.kind must be one of text,.*yesNo$/,
      ),
    ]);
  });

  it('says which field is missing and which key is misspelt', () => {
    expect(sentences((i) => delete (i.name as { en?: string }).en)).toEqual([
      'catalogue/sample-item.yaml: name.en is required',
    ]);
    expect(
      sentences((i) => {
        i.materails = i.materials;
      }),
    ).toEqual(['catalogue/sample-item.yaml: has unknown field materails (check the spelling)']);
    expect(sentences((i) => (fields(i)[0]!.lable = 'x'))).toEqual([
      'catalogue/sample-item.yaml: form.fields[0] has unknown field lable (check the spelling)',
    ]);
  });

  it('refuses wrong values with the allowed ones or the rule they break', () => {
    expect(sentences((i) => (i.category = 'pensions'))).toEqual([
      expect.stringMatching(
        /^catalogue\/sample-item\.yaml: category must be one of elderly-care, medical-insurance,/,
      ),
    ]);
    expect(sentences((i) => (i.code = 'Sample Item'))).toEqual([
      'catalogue/sample-item.yaml: code must be lower-case letters, digits and hyphens (e.g. ltci-assessment)',
    ]);
    expect(sentences((i) => (i.version = '1'))).toEqual([
      'catalogue/sample-item.yaml: version must be a number',
    ]);
    expect(sentences((i) => (i.nextSteps = []))).toEqual([
      'catalogue/sample-item.yaml: nextSteps needs at least one next step the resident is told',
    ]);
    expect(sentences((i) => (fields(i)[0]!.prefill = 'birthplace'))).toEqual([
      'catalogue/sample-item.yaml: form.fields[0].prefill must be one of name, gender, nation, birthDate, address, idNumber, issuer, validity',
    ]);
  });

  it('refuses a prefill that cannot fill the field kind, repeated ids, and a bad pattern', () => {
    expect(sentences((i) => (fields(i)[1]!.prefill = 'birthDate'))).toEqual([
      'catalogue/sample-item.yaml: form.fields[1].prefill birthDate cannot fill a phone field (it fills date)',
    ]);
    expect(sentences((i) => (fields(i)[1]!.id = 'insuredName'))).toEqual([
      'catalogue/sample-item.yaml: form.fields[1].id repeats the id "insuredName"',
    ]);
    expect(
      sentences((i) => {
        fields(i)[0]!.validation = { pattern: '([0-9', message: { zh: '不对', en: 'Wrong' } };
      }),
    ).toEqual([
      'catalogue/sample-item.yaml: form.fields[0].validation.pattern must be a valid regular expression',
    ]);
    expect(
      sentences((i) => {
        fields(i)[0]!.validation = { maxLength: 10 };
      }),
    ).toEqual(['catalogue/sample-item.yaml: form.fields[0].validation.message is required']);
  });

  it('keeps consultation-only and print-only items consistent', () => {
    expect(sentences((i) => (i.consultationOnly = true))).toEqual([
      'catalogue/sample-item.yaml: form.fields must be empty for a consultation-only item',
    ]);
    expect(
      sentences((i) => {
        i.printOnly = true;
        i.documents = [];
      }),
    ).toEqual(['catalogue/sample-item.yaml: documents must name the document a print-only item prints']);
    expect(sentences((i) => (i.form = { fields: [] }))).toEqual([
      'catalogue/sample-item.yaml: form.fields needs at least one field',
    ]);
  });

  it('checks choices, groups and eligibility rules', () => {
    expect(
      sentences((i) => {
        fields(i)[0] = {
          id: 'relation',
          kind: 'choice',
          label: { zh: '关系', en: 'Relation' },
          options: [{ value: 'self', label: { zh: '本人', en: 'Self' } }],
        };
      }),
    ).toEqual(['catalogue/sample-item.yaml: form.fields[0].options needs at least two options']);
    expect(
      sentences((i) => {
        (fields(i)[2]!.fields as Record<string, unknown>[])[0]!.prefill = 'address';
      }),
    ).toEqual([
      'catalogue/sample-item.yaml: form.fields[2].fields[0].prefill address cannot fill a date field (it fills address or text)',
    ]);
    expect(
      sentences((i) => {
        fields(i)[0] = {
          id: 'gender',
          kind: 'choice',
          prefill: 'gender',
          label: { zh: '性别', en: 'Gender' },
          options: [
            { value: 'm', label: { zh: '男', en: 'Male' } },
            { value: 'f', label: { zh: '女', en: 'Female' } },
          ],
        };
      }),
    ).toEqual([
      'catalogue/sample-item.yaml: form.fields[0].options must include the values male and female to be prefilled from the gender on the card',
    ]);
    expect(sentences((i) => (fields(i)[2]!.minItems = 5))).toEqual([
      'catalogue/sample-item.yaml: form.fields[2].minItems must not be larger than maxItems',
    ]);
    const note = { zh: '自动发放', en: 'Paid automatically' };
    expect(
      sentences(
        (i) => (i.eligibility = { when: [{ attribute: 'age', op: '>=', value: 'sixty-five' }], note }),
      ),
    ).toEqual(['catalogue/sample-item.yaml: eligibility.when[0].value must be a number for age']);
    expect(
      sentences((i) => (i.eligibility = { when: [{ attribute: 'income', op: '>=', value: 1 }], note })),
    ).toEqual([
      'catalogue/sample-item.yaml: eligibility.when[0].attribute must be one of age, gender, cardType',
    ]);
    expect(
      sentences((i) => (i.eligibility = { when: [{ attribute: 'age', op: '>=', value: 65 }], note })),
    ).toEqual([]);
  });
});
