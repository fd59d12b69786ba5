// VS Code glue only: start the language server, show its state, and offer Conductor's commands.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, StatusNotification } from '../../server/src/protocol/messages';
import { createRulesFile } from './create-rules-file';
import { registerDashboard } from './dashboard/dashboard';
import { registerEffectiveRules } from './effective-rules';
import { askSuppressionReason } from './suppression-reason';
import { StatusItem } from './status-item';
import { AiDecorations } from './provenance/ai-decorations';
import { EditDetector } from './provenance/edit-detector';
import { registerInlineAccept } from './provenance/inline-accept';
import { registerManualCommands } from './provenance/manual-commands';
import { provenanceSettings } from './provenance/provenance-settings';
import { registerWalkthrough } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Conductor', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(log, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannel: log,
    // Settings changes reach the server as workspace/didChangeConfiguration, so it re-reads them.
    synchronize: { configurationSection: 'conductor' },
    middleware: {
      executeCommand: async (command, args, next) => {
        if (command === Commands.suppress && args.length === 3) {
          const reason = await askSuppressionReason(String(args[2]));
          return reason === undefined ? undefined : next(command, [...args, reason]);
        }
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('conductor', 'Conductor', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(StatusNotification.type, (p) => status.update(p)),
    vscode.commands.registerCommand('conductor.restartServer', async () => {
      await client?.restart();
      log.info('Server restarted on request.');
    }),
    vscode.commands.registerCommand('conductor.showOutput', () => log.show()),
    vscode.commands.registerCommand('conductor.createRulesFile', () => createRulesFile(context, log)),
  );
  const detector = new EditDetector(log);
  context.subscriptions.push(
    detector,
    new AiDecorations(),
    ...registerInlineAccept(log, () => provenanceSettings(vscode.window.activeTextEditor?.document.uri).enable),
    ...registerManualCommands(log, detector),
    ...registerEffectiveRules(() => client),
    ...registerDashboard(context, log),
    ...registerWalkthrough(context, log), // walkthrough context keys, CI gate task, conductor.updateAiInstructions
  );
  await client.start();
  log.info('Conductor language server started.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
