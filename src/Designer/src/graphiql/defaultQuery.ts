/** What a first-time visitor of the explorer sees in the editor. */
export const defaultExplorerQuery = `# Welcome to the LowCode GraphQL explorer.
#
# Write a query on the left, run it with Ctrl+Enter, and browse the
# schema with the documentation explorer in the sidebar.

query Definitions {
  forms {
    key
    version
    status
  }
}
`;
