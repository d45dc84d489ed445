/** The GraphQL documents of the process editor. */

const definitionFields = 'key version status name etag body updatedAt updatedBy';

export const processPageQuery = `query ProcessEditor($key: ID!) {
  draft: process(key: $key, version: 0) { ${definitionFields} }
  latest: process(key: $key) { ${definitionFields} }
  forms(status: PUBLISHED) { key name }
  ruleSets { key name }
  definitionHistory(kind: PROCESS, key: $key) { version status updatedAt updatedBy publishedAt }
}`;

export const routingRuleSetQuery = `query ProcessRuleSet($key: ID!) {
  draft: ruleSet(key: $key, version: 0) { ${definitionFields} }
  latest: ruleSet(key: $key) { ${definitionFields} }
}`;

export const saveDraftDocument = `mutation SaveDraft($kind: DefinitionKind!, $key: ID!, $definition: JSON!, $etag: String) {
  saveDraft(kind: $kind, key: $key, definition: $definition, etag: $etag) {
    definition { version etag }
    error { kind message }
    problems { path code message }
    warnings { path code message }
    conflict { currentEtag }
  }
}`;

export const publishDocument = `mutation Publish($kind: DefinitionKind!, $key: ID!, $etag: String) {
  publish(kind: $kind, key: $key, etag: $etag) {
    definition { version }
    error { kind message }
    problems { path code message }
    warnings { path code message }
    conflict { currentEtag }
  }
}`;
