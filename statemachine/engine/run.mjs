// Runs one execution of a state machine definition with aws-local-stepfunctions and reports
// every engine event as one JSON line on stdout, so the cloudbench CLI can show progress.
//
//   node run.mjs < run
//
// stdin holds the run: its first line a JSON object {"definition": TEXT, "executionName": NAME,
// "lambdaEndpoint": URL, "waits": {STATE: MS}, "retries": {STATE: MS}}, the rest the execution's
// input. Everything comes on stdin, nothing in the arguments or the environment: the CLI starts
// this process first, so that Node starts and imports the engine while the CLI wires the run, and
// writes the run once it is ready; and the endpoint holds the run's secret in its path (the SDK
// keeps it in front of every request's path), which other processes could read in /proc.
// Task states call their Lambda ARNs through the Lambda Invoke API at that endpoint: the request
// the engine's AWS SDK client would send, sent with node:http (the SDK cost tens of milliseconds a
// task), the answer and a function's error read as the engine reads them.
// Callback tasks (Resource arn:aws:states:::lambda:invoke.waitForTaskToken), which the engine lacks,
// are emulated: the task's function is invoked with its Payload, $$.Task.Token standing for a fresh
// token, and the task then waits at the same endpoint (POST .../local/task-tokens/TOKEN) until the
// CLI answers that token, as SendTaskSuccess does in AWS; or until the state's TimeoutSeconds, which
// ends it with States.Timeout for its Catch.
// The definition is validated (asl-validator, with ARN and path checks) once per definition text
// and installed engine, as AWS validates it once when the state machine is created: a definition
// that passed is remembered under node_modules/.cache, and later runs of the same text skip it.
// The last line is {"type":"ExecutionSucceeded","output":...} or {"type":"ExecutionFailed",
// "error":...,"cause":...}. Exit codes: 0 succeeded, 2 the execution failed, 1 the engine
// could not run it (bad definition, bad run); 1 without a word when stdin closes empty (the CLI
// started this process, then did not run it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

/** The run on stdin: its header line, then the input; null when stdin is empty. */
function readRun() {
  const stdin = readFileSync(0, 'utf8');
  if (stdin.length === 0) return null;
  const newline = stdin.indexOf('\n');
  if (newline < 0) throw new Error('stdin: no run header line');
  const run = JSON.parse(stdin.slice(0, newline));
  for (const field of ['definition', 'executionName', 'lambdaEndpoint']) {
    if (typeof run[field] !== 'string' || run[field] === '') throw new Error(`stdin: the run has no ${field}`);
  }
  for (const field of ['waits', 'retries']) {
    for (const [name, ms] of Object.entries(run[field] ?? {})) {
      if (!Number.isInteger(ms) || ms < 0) throw new Error(`stdin: ${field}.${name} must be milliseconds, got ${ms}`);
    }
  }
  return { ...run, input: JSON.parse(stdin.slice(newline + 1)) };
}

const VALIDATION = { checkArn: true, checkPaths: true };
// Definitions that passed validation with the engine installed now: npm ci replaces node_modules
// and this cache with it; the installed tree's lock file is part of the key all the same.
const VALIDATED = new URL('../node_modules/.cache/cloudbench-validated/', import.meta.url);

function validationKey(definitionText) {
  const hash = createHash('sha256').update(JSON.stringify(VALIDATION)).update('\0');
  try {
    hash.update(readFileSync(new URL('../node_modules/.package-lock.json', import.meta.url)));
  } catch {
    return null; // not an npm-installed tree: validate every time
  }
  return hash.update('\0').update(definitionText).digest('hex');
}

/** The state machine; validated unless this very text passed validation with this engine before. */
function stateMachine(definitionText, definition) {
  const key = validationKey(definitionText);
  const known = key !== null && existsSync(new URL(key, VALIDATED));
  const machine = new StateMachine(definition, { validationOptions: known ? { noValidate: true } : VALIDATION });
  if (key !== null && !known) {
    try {
      mkdirSync(VALIDATED, { recursive: true });
      writeFileSync(new URL(key, VALIDATED), '');
    } catch {
      // a read-only install validates every time
    }
  }
  return machine;
}

const CALLBACK_RESOURCE = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_ARN = /^arn:aws:lambda:[^:]+:\d{12}:function:[^:]+(:[^:]+)?$/;
// What $$.Task.Token reads; each callback task replaces it with a token of its own.
const TOKEN_PLACEHOLDER = 'local-task-token-placeholder';
// The longest one wait request is held by the CLI before the runner asks again.
const WAIT_SLICE_MS = 20000;

function named(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

function taskStates(states, found = {}) {
  for (const [name, state] of Object.entries(states ?? {})) {
    if (state.Type === 'Task') found[name] = state;
    taskStates((state.ItemProcessor ?? state.Iterator)?.States, found);
    for (const branch of state.Branches ?? []) taskStates(branch.States, found);
  }
  return found;
}

// POST a JSON body under the Lambda endpoint (its path holds the run's secret), on a connection of
// its own (agent: false), as the engine's SDK had with a client per task. On a kept-alive connection
// every answer waited ~40 ms: the JDK's server writes an answer's headers and body as two segments
// with Nagle's algorithm on, and this side delays its ACK of the first; a new connection ACKs at once.
function post(path, body) {
  const endpoint = new URL(process.env.AWS_ENDPOINT_URL_LAMBDA);
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: endpoint.hostname,
      port: endpoint.port,
      path: endpoint.pathname.replace(/\/$/, '') + path,
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

// Invoke as the AWS SDK does (the same request at the same endpoint), without building an SDK
// client for every task as the engine would: that took tens of milliseconds per task, and the first
// one a few hundred. `asEngine`: a function's error as the engine reports it (LambdaInvocationError:
// the error document as its cause).
async function invoke(functionName, payload, asEngine = false) {
  const res = await post(`/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, payload);
  const body = res.body ? JSON.parse(res.body) : null;
  if (res.status !== 200) throw named(res.headers['x-amzn-errortype'] ?? 'Lambda.ServiceException', body?.message ?? `status ${res.status}`);
  if (res.headers['x-amz-function-error']) {
    const error = named(body.errorType, `${body.errorType}: ${body.errorMessage}`);
    if (asEngine) error.cause = body;
    throw error;
  }
  return body;
}

// A Task state whose resource is a Lambda function: invoked with the state's effective input, its
// result the function's answer, as the engine's own Lambda client does.
function lambdaTask(state) {
  return (input) => invoke(state.Resource, input, true);
}

function callbackTask(state) {
  return async (input) => {
    const token = `local-${randomUUID()}`;
    const payload = JSON.parse(JSON.stringify(input.Payload ?? {}).replaceAll(TOKEN_PLACEHOLDER, token));
    // As in AWS, what the function returns is not the task's result: the answer to the token is.
    await invoke(input.FunctionName, payload);
    const deadline = Date.now() + (state.TimeoutSeconds ?? 31536000) * 1000;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw named('States.Timeout', 'no answer to the task token in time');
      const res = await post(`/local/task-tokens/${encodeURIComponent(token)}`, { waitMillis: Math.min(left, WAIT_SLICE_MS) });
      const answer = JSON.parse(res.body);
      if (res.status !== 200) throw named('States.Runtime', answer.message ?? `status ${res.status}`);
      if (answer.state === 'SUCCEEDED') return JSON.parse(answer.output);
    }
  };
}

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

async function main() {
  let run, definition;
  try {
    run = readRun();
    if (run === null) return 1;
    definition = JSON.parse(run.definition);
    // Where every task invokes its function (and where the engine's own client would).
    process.env.AWS_ENDPOINT_URL_LAMBDA = run.lambdaEndpoint;
  } catch (e) {
    process.stderr.write(`engine: ${e.message}\n`);
    return 1;
  }
  let execution;
  try {
    const machine = stateMachine(run.definition, definition);
    // As in AWS, $$.Execution.Name is the execution's name (cloudbench uses the run id).
    const context = {
      Execution: {
        Id: `arn:aws:states:us-east-1:000000000000:execution:cloudbench-local:${run.executionName}`,
        Name: run.executionName,
      },
      Task: { Token: TOKEN_PLACEHOLDER },
    };
    const taskResourceLocalHandlers = {};
    for (const [name, state] of Object.entries(taskStates(definition.States))) {
      if (state.Resource === CALLBACK_RESOURCE) taskResourceLocalHandlers[name] = callbackTask(state);
      else if (LAMBDA_ARN.test(state.Resource)) taskResourceLocalHandlers[name] = lambdaTask(state);
    }
    execution = machine.run(run.input, {
      overrides: { waitTimeOverrides: run.waits ?? {}, retryIntervalOverrides: run.retries ?? {}, taskResourceLocalHandlers },
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

// Exit once stdout is flushed: a callback task still waiting when the execution ended (its Map
// failed around it) must not hold the process until its wait request returns.
const code = await main();
process.stdout.write('', () => process.exit(code));
