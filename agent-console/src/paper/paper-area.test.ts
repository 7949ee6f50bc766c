import { describe, expect, it } from 'vitest';
import { PaperArea } from './paper-area';
import { FakeMaterialServer, FakePrintServer, doc, material, materialRequest } from './test-fixtures';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PaperArea.follow', () => {
  it('forgets a case and revokes its images once the case store no longer shows it', async () => {
    const materials = new FakeMaterialServer();
    materials.materials = [material('m1')];
    const paper = new PaperArea(() => null, {
      print: new FakePrintServer(),
      materials,
      image: async () => new Blob(['jpeg']),
    });
    let shown = new Set<string>();
    const changed = paper.follow(() => shown);

    // Pushes for a case the store has not shown yet are kept.
    paper.prints.documentsArchived('c1', [doc('receipt')]);
    paper.materials.requestChanged(materialRequest({ state: 'captured', materialId: 'm1' }));
    await flush();
    paper.images.get('m1');
    await flush();
    changed();
    expect(paper.prints.view('c1').documents).toHaveLength(1);

    shown = new Set(['c1']);
    changed();
    expect(paper.images.peek('m1')?.state).toBe('ready');

    // The session ended: the case is gone from the store, and its paper with it.
    shown = new Set();
    changed();
    expect(paper.prints.view('c1').documents).toHaveLength(0);
    expect(paper.materials.view('c1').materials).toHaveLength(0);
    expect(paper.images.peek('m1')).toBeUndefined();
  });
});
