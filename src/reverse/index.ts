// Public API of src/reverse (filled in by its issue).
export {};
