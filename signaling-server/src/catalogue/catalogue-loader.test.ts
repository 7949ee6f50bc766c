import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityAttribute, PREFILL_KINDS, type CatalogueItem, type FieldDescription } from '@rvw/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CatalogueLoadError,
  DEFAULT_CATALOGUE_DIR,
  loadCatalogueDir,
  readCatalogueDir,
} from './catalogue-loader';
import { CatalogueService } from './catalogue-service';

/** The items domain.md seeds the catalogue with, by the codes chosen for them. */
const DOMAIN_ITEMS = [
  'ltci-assessment',
  'ltci-continuation',
  'ltci-result-notice-print',
  'medical-record-booklet',
  'resident-medical-insurance-enrolment',
  'elderly-meal-subsidy',
  'senior-allowance',
  'residence-registration',
  'disability-transport-subsidy',
  'disability-certificate-renewal',
  'family-planning-reward',
  'policy-consultation',
];

/** Every field, with the fields inside groups. */
function allFields(item: CatalogueItem): FieldDescription[] {
  return item.form.fields.flatMap((f) => (f.kind === 'group' ? [f, ...f.fields] : [f]));
}

describe('the repo catalogue/ folder', () => {
  it('loads every item file without a problem, with unique codes', async () => {
    const files = readdirSync(DEFAULT_CATALOGUE_DIR).filter((n) => n.endsWith('.yaml'));
    const r = await readCatalogueDir(DEFAULT_CATALOGUE_DIR);
    expect(r.problems).toEqual([]);
    expect(r.items).toHaveLength(files.length);
    const codes = r.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(DOMAIN_ITEMS));
    expect(codes.length).toBeGreaterThanOrEqual(12);
  });

  it('prefills only from identity attributes the card carries, into a field that can hold them', async () => {
    const items = await loadCatalogueDir();
    const prefilled = items.flatMap(allFields).filter((f) => f.prefill);
    expect(prefilled.length).toBeGreaterThan(20);
    for (const f of prefilled) {
      expect(IdentityAttribute.options).toContain(f.prefill);
      expect(PREFILL_KINDS[f.prefill!]).toContain(f.kind);
    }
  });

  it('tells every resident what to bring and what happens next, in both languages', async () => {
    for (const item of await loadCatalogueDir()) {
      expect(item.nextSteps.length, item.code).toBeGreaterThan(0);
      if (!item.consultationOnly) expect(item.materials.length, item.code).toBeGreaterThan(0);
      if (!item.consultationOnly && !item.printOnly)
        expect(
          item.documents.some((d) => d.kind === 'receipt'),
          item.code,
        ).toBe(true);
    }
  });

  it('has the content domain.md asks for', async () => {
    const service = await CatalogueService.load();
    const ltc = service.get('ltci-assessment')!;
    const kinds = Object.fromEntries(ltc.form.fields.map((f) => [f.id, f.kind]));
    expect(kinds).toMatchObject({
      applicantRelation: 'choice',
      contactPhone: 'phone',
      visitAddress: 'address',
    });
    expect(service.get('ltci-result-notice-print')).toMatchObject({ printOnly: true });
    expect(service.get('policy-consultation')).toMatchObject({
      consultationOnly: true,
      form: { fields: [] },
    });
    expect(service.get('senior-allowance')!.eligibility!.when).toContainEqual({
      attribute: 'age',
      op: '>=',
      value: 65,
    });
    expect(service.list().some((i) => i.form.fields.some((f) => f.kind === 'group'))).toBe(true);
    expect(service.get('no-such-item')).toBeUndefined();
  });
});

describe('readCatalogueDir on a broken folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvw-catalogue-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const copy = (code: string, as = `${code}.yaml`) =>
    cpSync(join(DEFAULT_CATALOGUE_DIR, `${code}.yaml`), join(dir, as));

  it('names the file and the field of a schema problem and keeps the good items', async () => {
    copy('policy-consultation');
    copy('medical-record-booklet');
    const file = join(dir, 'medical-record-booklet.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: phone', 'kind: telephone'));
    const r = await readCatalogueDir(dir, dir);
    expect(r.items.map((i) => i.code)).toEqual(['policy-consultation']);
    expect(r.problems).toEqual([
      {
        file: 'medical-record-booklet.yaml',
        path: 'form.fields[3].kind',
        sentence: expect.stringMatching(
          /^medical-record-booklet\.yaml: form\.fields\[3\]\.kind must be one of text, /,
        ),
      },
    ]);
    await expect(loadCatalogueDir(dir)).rejects.toBeInstanceOf(CatalogueLoadError);
  });

  it('refuses a duplicate code and a code that does not match its file name', async () => {
    copy('policy-consultation');
    copy('policy-consultation', 'policy-consultation.yml');
    copy('senior-allowance', 'senior-allowances.yaml');
    const r = await readCatalogueDir(dir, dir);
    expect(r.problems.map((p) => p.sentence)).toEqual([
      'policy-consultation.yml: code "policy-consultation" is already used by policy-consultation.yaml',
      'senior-allowances.yaml: code "senior-allowance" must match the file name (senior-allowances)',
    ]);
  });

  it('gives the line of a YAML syntax error, ignores other files, and reports an empty or missing folder', async () => {
    writeFileSync(join(dir, 'README.md'), '# not an item');
    expect((await readCatalogueDir(dir, dir)).problems[0]!.sentence).toMatch(/holds no \.yaml item files/);
    writeFileSync(join(dir, 'broken.yaml'), 'code: broken\nname: { zh: 坏, en: Broken\nversion: 1\n');
    const r = await readCatalogueDir(dir, dir);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.sentence).toMatch(/^broken\.yaml line \d+: /);
    const missing = await readCatalogueDir(join(dir, 'nope'));
    expect(missing.problems[0]!.sentence).toMatch(/nope: the folder does not exist$/);
  });
});
