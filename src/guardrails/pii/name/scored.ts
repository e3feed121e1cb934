/** A scored capitalised run, as the passes that share evidence between runs see it. */
export interface Scored {
  start: number;
  end: number;
  score: number;
  /** Token indices of the kept span. */
  from: number;
  to: number;
  words: number;
  surname: boolean;
  placeLike: boolean;
  /** An organisation-like run: it stops evidence from spreading through a list. */
  org?: boolean;
  /** Only everyday words: a name only if another mention says so. */
  everyday?: boolean;
}
