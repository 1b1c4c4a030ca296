// Placeholder translation unit for a core area that has no sources yet.
