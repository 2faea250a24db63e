import { scenarioWarnings } from '../../experiment/index.js';
import { TRACE_OPTIONS, parseCommand, traceAccess } from '../args.js';
import { warningLines } from '../format/run-report.js';
import { type Io } from '../io.js';
import { UsageError, VALIDATE_HELP, escapeControls, msg } from '../messages.js';
import { readScenario } from '../scenario-file.js';

/** `sawtooth validate FILE`: exit 0 when valid (the load check's warnings on stderr), 2 with one line per problem otherwise. */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('validate', args, { ...TRACE_OPTIONS, help: { type: 'boolean', short: 'h' } });
  if (values.help === true) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(msg.missingFile('validate'));
  if (positionals.length > 1) throw new UsageError(msg.extraArguments('validate', positionals.slice(1)));
  const file = positionals[0];
  const { scenario } = readScenario(file, {}, traceAccess(values));
  io.out(`${escapeControls(msg.valid(file, scenario.strategies))}\n`);
  for (const line of warningLines(scenarioWarnings(scenario), scenario.strategies.length)) io.err(`${line}\n`);
  return 0;
}
