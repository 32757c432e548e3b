/** Bad input to the command line: it exits 2 with this one sentence. */
export class Usage extends Error {}
