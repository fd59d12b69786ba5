import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol/messages';

/** A language status item: rules in force, rule-file errors, and the last check's time. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('conductor.status', { pattern: '**' });

  constructor() {
    this.item.name = 'Conductor';
    this.item.text = '$(loading~spin) Conductor';
    this.item.command = { title: 'Show Output', command: 'conductor.showOutput' };
  }

  update(p: StatusParams): void {
    const folder = p.folders[0];
    const errors = p.folders.reduce((n, f) => n + f.configErrors, 0);
    this.item.severity =
      p.state === 'error' ? vscode.LanguageStatusSeverity.Error : p.state === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.text = errors > 0 ? `$(error) Conductor: rule file has ${errors} error(s)` : `$(shield) Conductor: ${folder?.ruleCount ?? 0} rules`;
    const lines = p.folders.map((f) => f.message);
    if (p.failure) {
      lines.push(p.failure);
    }
    if (p.lastCheckAt) {
      lines.push(`Last check ${new Date(p.lastCheckAt).toLocaleTimeString()} (${p.lastCheckMs} ms)`);
    }
    this.item.detail = lines.join(' · ');
    this.item.command =
      folder?.usingDefault && errors === 0
        ? { title: 'Create Rules File', command: 'conductor.createRulesFile' }
        : { title: 'Show Output', command: 'conductor.showOutput' };
  }

  dispose(): void {
    this.item.dispose();
  }
}
