// Provenance e2e tests: an "agent" edits this file while another editor is active.
export const steps: string[] = [];
