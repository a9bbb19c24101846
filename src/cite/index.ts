// Public API of src/cite (filled in by its issue).
export {};
