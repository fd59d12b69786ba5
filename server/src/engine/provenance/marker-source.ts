// The comment-marker implementation of ProvenanceSource; sidecar/sidecar-source.ts is the other.
import { syntaxFor } from '../text/languages';
import { parseMarkers } from './parse-markers';
import type { ProvenanceSource } from './types';

export const markerProvenance: ProvenanceSource = {
  regionsFor: (relPath, text, languageId) => parseMarkers(text, syntaxFor(languageId, relPath)),
};
