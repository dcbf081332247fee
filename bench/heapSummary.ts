// Where a V8 heap snapshot's memory goes: self size by kind of object, and the objects that
// retain the most (dominator tree), each named by its constructor and the edge that holds it.
import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapSummary {
  totalMb: number;
  /** Self size by `type:name` (constructor for objects), biggest first. */
  byKind: { kind: string; mb: number; count: number }[];
  /** The biggest retainers: `constructor (held as edge of Parent)`, retained MB. */
  retainers: { what: string; mb: number }[];
}

const MB = 1048576;
const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export function summariseHeapSnapshot(file: string, top = 15): HeapSummary {
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const { node_fields: nf, node_types: nt, edge_fields: ef, edge_types: et } = s.snapshot.meta;
  const NF = nf.length;
  const EF = ef.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eTypeAt, eNameAt, eToAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const nodeTypes = nt[0];
  const edgeTypes = et[0];
  const weak = edgeTypes.indexOf('weak');
  const n = s.nodes.length / NF;
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * NF + edgeCountAt!]! * EF;
    firstEdge[i + 1] = e;
  }
  const selfSize = (i: number) => s.nodes[i * NF + sizeAt!]!;
  const kindOf = (i: number) => {
    const type = nodeTypes[s.nodes[i * NF + typeAt!]!]!;
    const name = s.strings[s.nodes[i * NF + nameAt!]!]!;
    return type === 'object' || type === 'closure' || type === 'native' || type === 'hidden' ? `${type}:${name.slice(0, 40)}` : type;
  };
  // Self sizes by kind.
  const kinds = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const k = kindOf(i);
    const entry = kinds.get(k) ?? { bytes: 0, count: 0 };
    entry.bytes += selfSize(i);
    entry.count += 1;
    kinds.set(k, entry);
    total += selfSize(i);
  }
  // Dominators (Cooper, Harvey, Kennedy) over strong edges, from the root (node 0).
  const postOrder = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const stack: number[] = [0];
  const cursor = new Uint32Array(n);
  const visited = new Uint8Array(n);
  visited[0] = 1;
  for (let i = 0; i < n; i++) cursor[i] = firstEdge[i]!;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    let pushed = false;
    while (cursor[v]! < firstEdge[v + 1]!) {
      const e = cursor[v]!;
      cursor[v] = e + EF;
      if (s.edges[e + eTypeAt!] === weak) continue;
      const w = s.edges[e + eToAt!]! / NF;
      if (!visited[w]) {
        visited[w] = 1;
        stack.push(w);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      stack.pop();
      postOrder[v] = order.length;
      order.push(v);
    }
  }
  // Predecessors of reachable nodes.
  const predCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if (!visited[v]) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (s.edges[e + eTypeAt!] !== weak) predCount[s.edges[e + eToAt!]! / NF + 1]! += 1;
  }
  for (let i = 1; i <= n; i++) predCount[i] = predCount[i]! + predCount[i - 1]!;
  const preds = new Uint32Array(predCount[n]!);
  const fill = predCount.slice(0, n);
  for (let v = 0; v < n; v++) {
    if (!visited[v]) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) {
      if (s.edges[e + eTypeAt!] === weak) continue;
      const w = s.edges[e + eToAt!]! / NF;
      preds[fill[w]!++] = v;
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (postOrder[a]! < postOrder[b]!) a = idom[a]!;
      while (postOrder[b]! < postOrder[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = order.length - 2; k >= 0; k--) {
      const v = order[k]!;
      let dom = -1;
      for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
        const u = preds[p]!;
        if (idom[u] === -1) continue;
        dom = dom === -1 ? u : intersect(u, dom);
      }
      if (dom !== -1 && idom[v] !== dom) {
        idom[v] = dom;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(n);
  for (const v of order) retained[v] = retained[v]! + selfSize(v);
  for (const v of order) if (v !== 0 && idom[v]! >= 0) retained[idom[v]!] = retained[idom[v]!]! + retained[v]!;
  // The edge name by which a node's dominator holds it (or any holder's, when not direct).
  const heldAs = (v: number) => {
    for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
      const u = preds[p]!;
      for (let e = firstEdge[u]!; e < firstEdge[u + 1]!; e += EF) {
        if (s.edges[e + eToAt!]! / NF !== v) continue;
        const type = edgeTypes[s.edges[e + eTypeAt!]!];
        const name = type === 'element' || type === 'hidden' ? `[${s.edges[e + eNameAt!]}]` : s.strings[s.edges[e + eNameAt!]!];
        return `${name} of ${kindOf(u)}`;
      }
    }
    return '';
  };
  // The biggest retainers that are not themselves mostly one child (walk down while one child holds > 90%).
  const children = new Map<number, number[]>();
  for (const v of order) if (v !== 0 && idom[v]! >= 0) (children.get(idom[v]!) ?? children.set(idom[v]!, []).get(idom[v]!)!).push(v);
  const candidates: number[] = [];
  for (let v = 1; v < n; v++) if (visited[v] && retained[v]! > MB) candidates.push(v);
  candidates.sort((a, b) => retained[b]! - retained[a]!);
  const retainers: HeapSummary['retainers'] = [];
  const shown = new Set<number>();
  for (const v of candidates) {
    if (retainers.length >= top) break;
    // Skip a node whose dominator was shown and holds about the same (the same structure again).
    const parent = idom[v]!;
    if (shown.has(parent) && retained[v]! > retained[parent]! * 0.9) {
      shown.add(v);
      continue;
    }
    let ancestor = parent;
    let nested = false;
    while (ancestor > 0) {
      if (shown.has(ancestor) && retained[v]! > retained[ancestor]! * 0.9) nested = true;
      ancestor = idom[ancestor]!;
    }
    shown.add(v);
    if (nested) continue;
    const chain: string[] = [];
    for (let a = v, depth = 0; a > 0 && depth < 4; a = idom[a]!, depth++) chain.push(heldAs(a));
    retainers.push({ what: `${kindOf(v)} (${chain.join(' < ')})`, mb: round(retained[v]!) });
  }
  const byKind = [...kinds].map(([kind, v]) => ({ kind, mb: round(v.bytes), count: v.count })).sort((a, b) => b.mb - a.mb).slice(0, top);
  return { totalMb: round(total), byKind, retainers };
}
