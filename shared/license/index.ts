// Licence logic shared by the engine (export gate, CLI) and the renderer (flags display, validation).
export * from './spdx';
export * from './aliases';
export * from './cc-names';
export * from './resolve';
export * from './flags';
export * from './combine';
export * from './review';
export * from './gate';
