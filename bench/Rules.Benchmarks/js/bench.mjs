// Times the same scenarios as the .NET benchmarks in json-rules-engine 7 (see docs/benchmarks/rules.md).
// Usage: node bench.mjs [iterations]   (run `npm ci` in this folder first)
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';

const load = (name) => JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
const iterations = Number(process.argv[2] ?? 3);

// json-rules-engine evaluates one set of facts per run and has no joins: each scenario is one run per fact
// (per pair of facts for the join), which is how the library is meant to be used.
async function oneTypeHundredRules() {
  const { facts, rules } = load('one-type-100-rules');
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  let firings = 0;
  for (const order of facts.order) {
    const { events } = await engine.run({ order });
    firings += events.length;
  }
  return { facts: facts.order.length, firings };
}

async function join(sampleCustomers) {
  const { facts, rules } = load('join-1000x1000');
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  let firings = 0;
  const customers = facts.customer.slice(0, sampleCustomers);
  for (const customer of customers) {
    for (const order of facts.order) {
      const { events } = await engine.run({ customer, order });
      firings += events.length;
    }
  }
  return { facts: customers.length + facts.order.length, pairs: customers.length * facts.order.length, firings };
}

async function chain() {
  const { facts, rules } = load('chain-1000x5');
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  let firings = 0;
  // A success handler moves the item to the next stage; later (lower-priority) rules of the same run see it.
  engine.on('success', async (event, almanac) => {
    const item = await almanac.factValue('item');
    almanac.addRuntimeFact('item', { ...item, stage: event.params.value });
    firings++;
  });
  for (const item of facts.item) {
    await engine.run({ item: { ...item } });
  }
  return { facts: facts.item.length, firings };
}

async function time(name, body) {
  await body(); // warm-up
  const runs = [];
  const cpuRuns = [];
  let result;
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    result = await body();
    const cpu = process.cpuUsage(cpuStart);
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpuRuns.push((cpu.user + cpu.system) / 1000);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const round = (x) => Math.round(x * 10) / 10;
  const cpuMean = mean(cpuRuns);
  const perCpuSecond = (n) => Math.round(n / (cpuMean / 1000));
  // CPU time (process.cpuUsage) is the figure compared with .NET: on a loaded machine wall time includes waiting for a core.
  console.log(JSON.stringify({ scenario: name, cpuMs: round(cpuMean), minCpuMs: round(Math.min(...cpuRuns)), wallMs: round(mean(runs)),
    minWallMs: round(Math.min(...runs)), ...result, factsPerCpuSecond: perCpuSecond(result.facts), firingsPerCpuSecond: perCpuSecond(result.firings),
    ...(result.pairs ? { pairsPerCpuSecond: perCpuSecond(result.pairs) } : {}) }));
}

await time('one-type-100-rules', oneTypeHundredRules);
await time('join-1000x1000 (100 of 1000 customers: 100,000 pairs)', () => join(100));
await time('chain-1000x5', chain);
