// Vite's types for import.meta.env and asset imports (the root tsconfig loads only node types).
/// <reference types="vite/client" />
