/**
 * Reply fields named by path (`a.b[].c`) as a tree, from which a generic handler builds one sample
 * record of the documented shape. Each vendor names its branches (`branchKey`) and its leaves
 * (`leaf`), and tells a branch from a leaf (`isBranch`); a leaf sits under the last part of its name.
 */
export type FieldTree<Leaf> = { [name: string]: FieldTree<Leaf> | Leaf };

export interface FieldTreeRules<Field, Leaf> {
  readonly leaf: (field: Field) => Leaf;
  readonly isBranch: (node: FieldTree<Leaf> | Leaf | undefined) => node is FieldTree<Leaf>;
  readonly branchKey: (part: string) => string;
}

export function fieldTree<Field extends { readonly name: string }, Leaf>(fields: readonly Field[], rules: FieldTreeRules<Field, Leaf>): FieldTree<Leaf> {
  const tree: FieldTree<Leaf> = {};
  for (const field of fields) {
    const parts = field.name.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) {
      const key = rules.branchKey(part);
      const next = node[key];
      node = rules.isBranch(next) ? next : (node[key] = {});
    }
    node[parts.at(-1) ?? field.name] = rules.leaf(field);
  }
  return tree;
}
