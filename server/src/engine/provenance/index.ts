// Provenance markers: which code an AI assistant wrote. Hosts import from here or the engine index.
export type { AiRegion, MarkerFields, MarkerFix, MarkerProblem, MarkerProblemKind, ParsedProvenance, ProvenanceSource, UnpairedBlock } from './types';
export { DIRECTIVE as MARKER_DIRECTIVE, MARKER_GRAMMAR_VERSION, formatMarkerTime, isMarkerId, isMarkerTime } from './marker-grammar';
export { parseMarkers } from './parse-markers';
export { regionAt } from './region-at';
export { markerProvenance } from './marker-source';
export {
  beginMarker,
  canHoldMarkers,
  endMarker,
  newMarkerId,
  removeMarkerField,
  removeMarkers,
  setMarkerField,
  wrapInMarkers,
} from './write-markers';
export { insertionEdits } from './insertion-edits';
