// Writes the benchmark scenarios (rules in json-rules-engine 7 format, plus facts) to ../scenarios.
// Deterministic: run it again and the files do not change. Both the .NET and the Node benchmarks read them.
import { writeFileSync } from 'node:fs';

const out = (name, value) => writeFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), JSON.stringify(value) + '\n');
const regions = ['EU', 'US', 'UK', 'APAC'];

// 1 fact type x 100 rules x 10,000 facts.
const rules100 = Array.from({ length: 100 }, (_, i) => ({
  name: `r${i}`,
  priority: 1 + (i % 5),
  conditions: { all: [
    { fact: 'order', path: '$.amount', operator: 'greaterThan', value: (i * 37) % 1000 },
    { fact: 'order', path: '$.region', operator: 'equal', value: regions[i % 4] },
  ] },
  event: { type: 'match', params: { rule: i } },
}));
const orders = Array.from({ length: 10000 }, (_, j) => ({ id: j, amount: ((j * 7919) % 10000) / 10, region: regions[j % 4] }));
out('one-type-100-rules', { facts: { order: orders }, rules: rules100 });

// 2-fact equality join, 1,000 customers x 1,000 orders (each order belongs to exactly one customer).
const joinRule = {
  name: 'order-of-customer',
  conditions: { all: [
    { fact: 'order', path: '$.customerId', operator: 'equal', value: { fact: 'customer', path: '$.id' } },
  ] },
  event: { type: 'pair', params: {} },
};
const customers = Array.from({ length: 1000 }, (_, j) => ({ id: j }));
const joinOrders = Array.from({ length: 1000 }, (_, j) => ({ id: j, customerId: (j * 7) % 1000 }));
out('join-1000x1000', { facts: { customer: customers, order: joinOrders }, rules: [joinRule] });

// Chaining: 1,000 items through a 5-step chain; each step's rule moves the item to the next stage.
const chain = Array.from({ length: 5 }, (_, i) => ({
  name: `step${i}`,
  priority: 10 - i,
  conditions: { all: [{ fact: 'item', path: '$.stage', operator: 'equal', value: i }] },
  event: { type: 'set', params: { path: 'stage', value: i + 1 } },
}));
const items = Array.from({ length: 1000 }, (_, j) => ({ id: j, stage: 0 }));
out('chain-1000x5', { facts: { item: items }, rules: chain });
