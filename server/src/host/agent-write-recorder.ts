// The sidecar store as the agent hooks' recorder: after a write, the agent's lines become an AI block
// in the file's record (engine/agent-hooks/record.ts decides the block; this reads and writes the record).
import { randomUUID } from 'crypto';
import { recordWrite, type AgentWriteRecord, type AgentWriteRecorder } from '../engine/agent-hooks';
import { newMarkerId } from '../engine/provenance';
import { isRecordablePath, type SidecarRecord } from '../engine/provenance/sidecar';
import { updateRecord } from './provenance-store';

export function sidecarRecorder(root: string, format: (r: SidecarRecord) => string): AgentWriteRecorder {
  return {
    record(entry: AgentWriteRecord): void {
      if (!isRecordablePath(entry.relPath)) {
        throw new Error(`${entry.relPath} cannot have a record`);
      }
      updateRecord(root, entry.relPath, (current) => recordWrite(current, entry, newMarkerId, { id: randomUUID(), timestamp: new Date().toISOString() }), format);
    },
  };
}
