/** A reason the command could not run at all (exit code 1); the message is Swedish and says what to do. */
export class CliError extends Error {
  override name = 'CliError';
}
