/**
 * One direction of an LSTM over a sentence (Hochreiter & Schmidhuber 1997, with a forget gate),
 * written over flat Float32Arrays: the forward pass keeps each step's gates and cells, so that
 * training can run the backward pass over them. Gate order in the weights: input, forget, cell,
 * output.
 */

/** Weights of one direction: W (4H × D) on the input, U (4H × H) on the last state, b (4H). */
export interface LstmWeights {
  W: Float32Array;
  U: Float32Array;
  b: Float32Array;
}

/** What the forward pass keeps, per step t: gates[t·4H…], cells[t·H…], states[t·H…]. */
export interface LstmTrace {
  gates: Float32Array;
  cells: Float32Array;
  states: Float32Array;
}

/**
 * Runs the LSTM over n inputs of size D (xs, row-major), left to right or right to left. The
 * states come out in sentence order whatever the direction. `pre`, when given, holds each step's
 * input part already (b + W·x, n × 4H), and xs is not read.
 */
export function lstmForward(
  w: LstmWeights,
  xs: Float32Array,
  n: number,
  D: number,
  H: number,
  reverse: boolean,
  trace: LstmTrace = {
    gates: new Float32Array(n * 4 * H),
    cells: new Float32Array(n * H),
    states: new Float32Array(n * H),
  },
  pre?: Float32Array,
): LstmTrace {
  const { W, U, b } = w;
  const G = 4 * H;
  const z = new Float32Array(G);
  for (let s = 0; s < n; s++) {
    const t = reverse ? n - 1 - s : s;
    const prev = s === 0 ? -1 : reverse ? t + 1 : t - 1;
    for (let j = 0; j < G; j++) {
      let sum = pre ? (pre[t * G + j] as number) : (b[j] as number) + dot(W, j * D, xs, t * D, D);
      if (prev >= 0) sum += dot(U, j * H, trace.states, prev * H, H);
      z[j] = sum;
    }
    lstmCell(z, trace, t, prev, H);
  }
  return trace;
}

/**
 * One step's gates, cell and state from its pre-activations z (4H: b + W·x + U·h of the last
 * state), written into the trace at step t (`prev` is the last step, -1 at the start).
 */
export function lstmCell(
  z: Float32Array,
  trace: LstmTrace,
  t: number,
  prev: number,
  H: number,
): void {
  const { gates, cells, states } = trace;
  const g0 = t * 4 * H;
  for (let j = 0; j < 4 * H; j++) {
    const v = z[j] as number;
    gates[g0 + j] = j >= 2 * H && j < 3 * H ? Math.tanh(v) : 1 / (1 + Math.exp(-v));
  }
  for (let k = 0; k < H; k++) {
    const c =
      (gates[g0 + H + k] as number) * (prev >= 0 ? (cells[prev * H + k] as number) : 0) +
      (gates[g0 + k] as number) * (gates[g0 + 2 * H + k] as number);
    cells[t * H + k] = c;
    states[t * H + k] = (gates[g0 + 3 * H + k] as number) * Math.tanh(c);
  }
}

/** a[ia .. ia+len) · b[ib .. ib+len), four sums at a time (a third faster in V8 than one). */
export function dot(a: Float32Array, ia: number, b: Float32Array, ib: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += (a[ia + k] as number) * (b[ib + k] as number);
    s1 += (a[ia + k + 1] as number) * (b[ib + k + 1] as number);
    s2 += (a[ia + k + 2] as number) * (b[ib + k + 2] as number);
    s3 += (a[ia + k + 3] as number) * (b[ib + k + 3] as number);
  }
  for (; k < len; k++) s0 += (a[ia + k] as number) * (b[ib + k] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * Back-propagates dStates (n × H, the loss's gradient on each state, in sentence order) through
 * the pass that made `trace`: adds to the weight gradients and to dxs (n × D).
 */
export function lstmBackward(
  w: LstmWeights,
  grad: LstmWeights,
  xs: Float32Array,
  trace: LstmTrace,
  dStates: Float32Array,
  dxs: Float32Array,
  n: number,
  D: number,
  H: number,
  reverse: boolean,
): void {
  const { W, U } = w;
  const { gates, cells, states } = trace;
  const G = 4 * H;
  const dh = new Float32Array(H);
  const dc = new Float32Array(H);
  const dz = new Float32Array(G);
  for (let s = n - 1; s >= 0; s--) {
    const t = reverse ? n - 1 - s : s;
    const prev = s === 0 ? -1 : reverse ? t + 1 : t - 1;
    const g0 = t * G;
    for (let k = 0; k < H; k++) {
      const h = (dh[k] as number) + (dStates[t * H + k] as number);
      const c = cells[t * H + k] as number;
      const tc = Math.tanh(c);
      const i = gates[g0 + k] as number;
      const f = gates[g0 + H + k] as number;
      const g = gates[g0 + 2 * H + k] as number;
      const o = gates[g0 + 3 * H + k] as number;
      const dcell = (dc[k] as number) + h * o * (1 - tc * tc);
      dz[3 * H + k] = h * tc * o * (1 - o);
      dz[k] = dcell * g * i * (1 - i);
      dz[2 * H + k] = dcell * i * (1 - g * g);
      dz[H + k] = prev >= 0 ? dcell * (cells[prev * H + k] as number) * f * (1 - f) : 0;
      dc[k] = dcell * f;
    }
    dh.fill(0);
    const x0 = t * D;
    for (let j = 0; j < G; j++) {
      const d = dz[j] as number;
      if (d === 0) continue;
      grad.b[j] = (grad.b[j] as number) + d;
      const wj = j * D;
      for (let k = 0; k < D; k++) {
        grad.W[wj + k] = (grad.W[wj + k] as number) + d * (xs[x0 + k] as number);
        dxs[x0 + k] = (dxs[x0 + k] as number) + d * (W[wj + k] as number);
      }
      if (prev >= 0) {
        const uj = j * H;
        const h0 = prev * H;
        for (let k = 0; k < H; k++) {
          grad.U[uj + k] = (grad.U[uj + k] as number) + d * (states[h0 + k] as number);
          dh[k] = (dh[k] as number) + d * (U[uj + k] as number);
        }
      }
    }
  }
}
