// Public API of src/server (filled in by its issue).
export {};
