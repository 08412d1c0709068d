/**
 * A dataset file that could not be loaded or did not hold what it should.
 * `file` names the file as the user knows it (e.g. `train-images-idx3-ubyte.gz`), `problem` says what
 * went wrong in words a student can act on; the message reads `${file}: ${problem}`.
 */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DatasetError';
  }
}
