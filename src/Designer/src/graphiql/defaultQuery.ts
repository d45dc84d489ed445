/** What a first-time visitor of the explorer sees in the editor. */
export const defaultExplorerQuery = `# LowCode GraphQL explorer
#
# Run a query with Ctrl+Enter; browse the
# schema in the documentation explorer.

query Definitions {
  forms {
    key
    name
    version
    status
  }
}
`;
