// fontkit ships no typings: the little of it the renderer uses.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export interface FontCollection {
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
