import { CodeAction, CodeActionKind, CreateFile, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { setUseCaseEdits, type AiAction } from '../engine/ai-policy';
import { markerProvenance, type Finding } from '../engine';
import { Commands } from './protocol';
import { quickFix } from './to-lsp';

/** Code actions for an AI-policy finding, from the plain `properties.aiActions` the engine attaches. */
export function aiCodeActions(uri: string, text: string, finding: Finding, diagnostic: Diagnostic, relPath: string, folderRoot?: string): CodeAction[] {
  const actions = (finding.properties?.aiActions ?? []) as AiAction[];
  const out: CodeAction[] = [];
  for (const a of actions) {
    switch (a.kind) {
      case 'markReviewed':
        out.push(command('Mark AI block as reviewed', Commands.markReviewed, [uri, a.regionId], diagnostic));
        break;
      case 'setUseCase': {
        const region = markerProvenance.regionsFor(relPath, text).regions.find((r) => r.id === a.regionId);
        for (const choice of region ? a.choices : []) {
          out.push(quickFix(`Set AI use case to "${choice}"`, uri, setUseCaseEdits(text, region!, choice), diagnostic));
        }
        break;
      }
      case 'takeOwnership':
        out.push(command('Take ownership (remove AI markers)…', Commands.takeOwnership, [uri, a.regionId], diagnostic));
        break;
      case 'createTest':
        if (folderRoot) {
          const create = CodeAction.create(`Create test file ${a.path}`, { documentChanges: [CreateFile.create(URI.file(`${folderRoot}/${a.path}`).toString(), { ignoreIfExists: true })] }, CodeActionKind.QuickFix);
          create.diagnostics = [diagnostic];
          out.push(create);
        }
        break;
      case 'explain':
        out.push(command('Explain the policy', Commands.explain, [a.docsUrl], diagnostic));
        break;
    }
  }
  return out;
}

function command(title: string, name: string, args: unknown[], diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(title, { title, command: name, arguments: args }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}
