#!/usr/bin/env node
// conductor-lsp: the Conductor language server. Speaks LSP over --stdio, --node-ipc or --socket.
import { createConnection } from 'vscode-languageserver/node';
import { findBuiltinDir } from '../host/builtin-dir';
import { startServer } from './start-server';

const server = startServer(createConnection(), { builtinDir: findBuiltinDir(__dirname) });
process.on('uncaughtException', (e) => server.failures.record('process', 'The server', e));
process.on('unhandledRejection', (e) => server.failures.record('process', 'The server', e));
