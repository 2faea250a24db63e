import { scenarioWarnings } from '../../experiment/index.js';
import { warningLines } from '../format/run-report.js';
import { type Io } from '../io.js';
import { UsageError, VALIDATE_HELP, msg } from '../messages.js';
import { readScenario } from '../scenario-file.js';

/** `sawtooth validate FILE`: exit 0 when valid (the load check's warnings on stderr), 2 with one line per problem otherwise. */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith('-')) throw new UsageError(msg.missingFile('validate'));
  const { scenario } = readScenario(args[0], {});
  io.out(`${msg.valid(args[0], scenario.strategies)}\n`);
  for (const line of warningLines(scenarioWarnings(scenario), scenario.strategies.length)) io.err(`${line}\n`);
  return 0;
}
