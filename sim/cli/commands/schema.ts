import { scenarioJsonSchema } from '../../scenario/index.js';
import { type Io } from '../io.js';
import { SCHEMA_HELP, UsageError, msg } from '../messages.js';

/** `sawtooth schema`: the JSON Schema of scenario files on stdout. */
export async function schemaCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(SCHEMA_HELP);
    return 0;
  }
  if (args.length > 0) throw new UsageError(msg.extraArguments('schema', args));
  io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
