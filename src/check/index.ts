// Public API of src/check (filled in by its issue).
export {};
