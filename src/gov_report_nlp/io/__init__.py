"""io: bytes to text. Encodings (UTF-8, Windows-1258, TCVN3/VNI), HTML, PDF and DOCX files,
JSONL lines; the character-level normalization at the door and the offset maps back to the
input. Imports nothing above it but the lexicon-free bottom (records, budget, errors)."""
