// The CEL engine: see CELProgram once implemented.
