/** A stored Tiptap document, as validated by validateDocument. */
export interface ContentNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: ContentNode[];
  marks?: ContentMark[];
  text?: string;
}

export interface ContentMark {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
}

export interface ContentDocument extends ContentNode {
  type: 'doc';
}
