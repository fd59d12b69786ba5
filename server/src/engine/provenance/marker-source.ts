// The comment-marker implementation of ProvenanceSource; a sidecar store will be another.
import { syntaxFor } from '../text/languages';
import { parseMarkers } from './parse-markers';
import type { ProvenanceSource } from './types';

export const markerProvenance: ProvenanceSource = {
  regionsFor: (relPath, text, languageId) => parseMarkers(text, syntaxFor(languageId, relPath)),
};
