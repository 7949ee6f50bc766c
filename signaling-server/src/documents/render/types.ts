/** The PDF renderer's inputs and outputs (issue 10, documents rendered on the server). */
import type {
  CaseOutcome,
  CatalogueItem,
  DocumentKind,
  FieldDescription,
  LocalText,
  Material,
  SignatureStrokes,
} from '@rvw/shared';

export type { AssessmentResult, ExternalRecords } from '../records/types';

/** One document a closed case gets (planDocuments), before it is rendered. */
export interface DocumentPlanEntry {
  kind: DocumentKind;
  /** The catalogue's document id for receipts and item notices; null for the generic ones. */
  catalogueDocumentId: string | null;
  title: LocalText;
}

/** Everything a document prints, gathered from the closed case. */
export interface DocumentInput {
  /** Printed at the top of every page. */
  centreName: string;
  caseNumber: string;
  item: {
    code: string;
    version: number;
    name: LocalText;
    nextSteps: LocalText[];
    materials: Material[];
    processingTime?: LocalText | undefined;
  };
  /** The form's fields at the case's item version. */
  fields: FieldDescription[];
  /** The form's values IN FULL (wire values); the application form prints them (the archive copy is the legal record). */
  values: Record<string, unknown>;
  /** The form revision rendered. */
  revision: number;
  /** Printed small on the application form. */
  formHash: string;
  signature: { strokes: SignatureStrokes; at: string } | null;
  outcome: { outcome: CaseOutcome; reason: string | null; nextStep: string | null; at: string };
  /** The agent's display name or staff number. */
  agent: { name: string };
  /** Full; receipts and notices print them masked (张*三, maskIdNumber). */
  resident: { name: string; idNumber: string } | null;
  /** ISO times; the PDF's CreationDate is closedAt (the same input gives the same bytes). */
  openedAt: string;
  closedAt: string;
}

/** What a document prints of the case's catalogue item. */
export function documentItem(item: CatalogueItem): DocumentInput['item'] {
  const { code, version, name, nextSteps, materials, processingTime } = item;
  return { code, version, name, nextSteps, materials, processingTime };
}

/** A rendered PDF. */
export interface RenderedDocument {
  bytes: Buffer;
  pages: number;
  /** SHA-256 of bytes, lower-case hex. */
  sha256: string;
}

/** Where the fonts are; defaults are Debian's fonts-noto-cjk and fonts-hanazono. */
export interface FontOptions {
  /** Noto Sans CJK (a .ttc or .otf); default /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc. */
  regular?: string;
  /** The PostScript name inside a collection; default NotoSansCJKsc-Regular. */
  regularName?: string;
  /**
   * How bold text is drawn. `synthetic` (the default): the regular font with a thin outline, so one
   * CJK font is embedded (about half the render time and the bytes of a second subset). `face`:
   * the bold face (`bold`, default NotoSansCJK-Bold.ttc beside the regular one; the regular font
   * with an outline when there is none).
   */
  boldStyle?: 'synthetic' | 'face';
  bold?: string;
  boldName?: string;
  /** Fallbacks for rare characters, in order; default HanaMinA and HanaMinB from fonts-hanazono. */
  fallbacks?: string[];
}

/** Options of renderDocument. */
export interface RenderOptions {
  fonts?: FontOptions;
}
