// Agent hooks: an AI agent's tool call → the policy's answer, before the write (issue 17).
export * from './types';
export { ADAPTERS, parsePayload, type AgentAdapter } from './agents';
export { evaluateWrite, type WriteInput } from './evaluate-write';
export { answerWrites, answerRead, judgeWrite, type WriteVerdict } from './decide';
export { proposedContent, changedLines, type LineSpan, type ProposedContent } from './proposed-content';
export { agentProvenance } from './agent-provenance';
export { recordWrite, writtenLines, type AgentWriteRecord, type AgentWriteRecorder } from './record';
