// Public API of src/segment (filled in by its issue).
export {};
