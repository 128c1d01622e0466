"""doc: the Document (normalized text, segments, the way back to the input), segmentation
into the layouts of news and formal documents, and make_document, the door from raw input."""
