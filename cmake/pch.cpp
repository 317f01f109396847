// The translation unit that builds a precompiled header (cmake/KessaiPch.cmake); it has no code.
