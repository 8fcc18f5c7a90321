// Runs one execution of a state machine definition with aws-local-stepfunctions and reports
// every engine event as one JSON line on stdout, so the cloudbench CLI can show progress.
//
//   node run.mjs --definition FILE [--execution-name NAME] [--wait NAME=MS ...] [--retry NAME=MS ...]
//                [--lambda-endpoint-on-stdin] < input.json
//
// Task states call their Lambda ARNs through the Lambda Invoke API at AWS_ENDPOINT_URL_LAMBDA.
// With --lambda-endpoint-on-stdin, the first line of stdin is that endpoint (the cloudbench CLI's
// holds its run's secret in the path, which the SDK keeps in front of every request's path) and the
// rest is the input: so the secret never shows in this process's environment or arguments.
// The last line is {"type":"ExecutionSucceeded","output":...} or {"type":"ExecutionFailed",
// "error":...,"cause":...}. Exit codes: 0 succeeded, 2 the execution failed, 1 the engine
// could not run it (bad definition, bad arguments).
import { readFileSync } from 'node:fs';
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

function parseArgs(argv) {
  const args = { definition: null, executionName: `local-${Date.now()}`, wait: {}, retry: {}, endpointOnStdin: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--lambda-endpoint-on-stdin') {
      args.endpointOnStdin = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--definition') {
      args.definition = value;
    } else if (flag === '--execution-name') {
      args.executionName = value;
    } else if (flag === '--wait' || flag === '--retry') {
      const at = value.lastIndexOf('=');
      const ms = Number(value.slice(at + 1));
      if (at < 1 || !Number.isInteger(ms) || ms < 0) throw new Error(`${flag} expects NAME=MILLISECONDS, got ${value}`);
      args[flag.slice(2)][value.slice(0, at)] = ms;
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  if (!args.definition) throw new Error('--definition is required');
  return args;
}

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

async function main() {
  let args, definition, input;
  try {
    args = parseArgs(process.argv.slice(2));
    definition = JSON.parse(readFileSync(args.definition, 'utf8'));
    let stdin = readFileSync(0, 'utf8');
    if (args.endpointOnStdin) {
      const newline = stdin.indexOf('\n');
      if (newline < 0) throw new Error('--lambda-endpoint-on-stdin: no endpoint line on stdin');
      // Read by the SDK when each Task state creates its Lambda client.
      process.env.AWS_ENDPOINT_URL_LAMBDA = stdin.slice(0, newline).trim();
      stdin = stdin.slice(newline + 1);
    }
    input = JSON.parse(stdin);
  } catch (e) {
    process.stderr.write(`engine: ${e.message}\n`);
    return 1;
  }
  let execution;
  try {
    const machine = new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } });
    // As in AWS, $$.Execution.Name is the execution's name (cloudbench uses the run id).
    const context = {
      Execution: {
        Id: `arn:aws:states:us-east-1:000000000000:execution:cloudbench-local:${args.executionName}`,
        Name: args.executionName,
      },
    };
    execution = machine.run(input, {
      overrides: { waitTimeOverrides: args.wait, retryIntervalOverrides: args.retry },
      context,
    });
  } catch (e) {
    process.stderr.write(`engine: invalid state machine: ${e.message}\n`);
    return 1;
  }
  // Progress first: events are forwarded as they happen; the result decides the exit code.
  const forward = (async () => {
    for await (const event of execution.eventLogs) {
      const { type, timestamp, state, parentState, index, Error: error, Cause: cause } = event;
      const line = { type, timestamp };
      if (state) line.state = state.name;
      if (state && type === 'StateExited') line.output = state.output;
      if (parentState) line.parent = parentState.name;
      if (index !== undefined) line.index = index;
      if (error !== undefined) line.error = error;
      if (cause !== undefined) line.cause = typeof cause === 'string' ? cause : JSON.stringify(cause);
      if (type !== 'ExecutionSucceeded' && type !== 'ExecutionFailed') emit(line);
    }
  })();
  try {
    const output = await execution.result;
    await forward;
    emit({ type: 'ExecutionSucceeded', output });
    return 0;
  } catch (e) {
    await forward.catch(() => {});
    if (e instanceof ExecutionError) {
      const cause = e.cause ?? {};
      emit({ type: 'ExecutionFailed', error: cause.name ?? 'States.Runtime', cause: cause.message ?? e.message });
      return 2;
    }
    emit({ type: 'ExecutionFailed', error: e.name ?? 'Error', cause: e.message });
    return 2;
  }
}

process.exitCode = await main();
